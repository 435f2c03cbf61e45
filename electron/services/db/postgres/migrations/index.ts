import type { PostgresMigration } from '../migrate';
import m0090 from './0090-baseline';
import m0100 from './0100-media-upload-slots';
import m0110 from './0110-reference-number-index';
import m0120 from './0120-error-texts';
import m0130 from './0130-history-texts';
import m0140 from './0140-shooting-sessions';

/**
 * The server's migrations, in order. Its history starts at 0090, the SQLite schema of the
 * release that brought the server; every later schema change is one file here and one in
 * ../../migrations with the same number (0100: the shared picture-upload window; 0110: the reference number index; 0120: failure reasons as messages; 0130: old history lines as messages; 0140: shooting-by-label sessions).
 */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [m0090, m0100, m0110, m0120, m0130, m0140];
