import type { PostgresMigration } from '../migrate';
import m0090 from './0090-baseline';

/**
 * The server's migrations, in order. Its history starts at 0090, the SQLite schema of the
 * release that brought the server; every later schema change is one file here and one in
 * ../../migrations with the same number.
 */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [m0090];
