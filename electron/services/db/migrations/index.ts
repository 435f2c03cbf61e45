import type { Migration } from '../migration';
import m0010 from './0010-initial';
import m0020 from './0020-item-search';
import m0030 from './0030-list-sort-indexes';
import m0050 from './0050-description-templates';
import m0060 from './0060-accounting';
import m0070 from './0070-channels';
import m0080 from './0080-sales-ledger-indexes';
import m0090 from './0090-accounts';
import m0100 from './0100-media-upload-slots';
import m0110 from './0110-reference-number-index';
import m0120 from './0120-error-texts';
import m0130 from './0130-history-texts';
import m0140 from './0140-shooting-sessions';

/** Every migration, in order. A new file here is the only way the schema changes. */
export const MIGRATIONS: readonly Migration[] = [
  m0010,
  m0020,
  m0030,
  m0050,
  m0060,
  m0070,
  m0080,
  m0090,
  m0100,
  m0110,
  m0120,
  m0130,
  m0140,
];
