import { z } from 'zod';
import { method } from './define';

/**
 * Copies of the workspace database that Rebound keeps beside it, in `<data folder>/backups/`:
 * one a day while the app or `rebound serve` runs, one before every migration of the schema,
 * one before a restore replaces the database, and the ones an admin asks for.
 */

export const BACKUP_KINDS = ['daily', 'pre-migration', 'manual', 'before-restore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export interface BackupInfo {
  /** Where the copy is, in full. */
  readonly file: string;
  readonly kind: BackupKind;
  /** The schema version the copy is at (older than the app's after an update). */
  readonly schemaVersion: number;
  /** When it was taken (ISO 8601, UTC). */
  readonly takenAt: string;
  readonly sizeBytes: number;
}

export interface BackupsOverview {
  /** The folder the backups are kept in. */
  readonly dir: string;
  /** Every backup kept, newest first. */
  readonly backups: readonly BackupInfo[];
}

export const backupsContract = {
  'backups.list': method<BackupsOverview>()(z.object({}).strict()),
  'backups.create': method<BackupInfo>()(z.object({}).strict(), { writes: true }),
} as const;
