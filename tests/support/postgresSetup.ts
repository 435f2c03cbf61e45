import crypto from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPostgres } from '../../electron/services/db/postgres/connect';
import { onPostgres, postgresUrl } from './workspace';

/**
 * vitest's globalSetup: on a PostgreSQL run, creates this run's template database and migrates
 * it once, so that each test's database is a copy (a few milliseconds) rather than a migration;
 * drops it at the end. Nothing on a SQLite run.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!onPostgres) return undefined;
  const name = `rebound_template_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl('postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const db = await openPostgres(postgresUrl(name), { poolSize: 1 });
  await db.close();
  project.provide('postgresTemplate', name);
  return async () => {
    const client = new pg.Client({ connectionString: postgresUrl('postgres') });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  };
}
