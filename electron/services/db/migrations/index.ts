import type { Migration } from '../migration';
import m0010 from './0010-initial';
import m0020 from './0020-item-search';
import m0030 from './0030-list-sort-indexes';

/** Every migration, in order. A new file here is the only way the schema changes. */
export const MIGRATIONS: readonly Migration[] = [m0010, m0020, m0030];
