import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

/** Either the workspace's Kysely or an open transaction: helpers that only run queries take both. */
export type Queryable = Kysely<Database> | Transaction<Database>;
