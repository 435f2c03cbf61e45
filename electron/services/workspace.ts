import path from 'node:path';
import { EventEmitter } from 'node:events';
import type { ServerEvent } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { openDatabase, type Db, type OpenOptions, type SqliteDb } from './db/connection';
import { openPostgres, type PostgresDb, type PostgresOptions } from './db/postgres/connect';
import type { ServerInstance } from './db/postgres/instance';
import { makePrivateDir, prepareDataDir, tightenDataDir } from './paths';
import { say } from '../../shared/messages';

/**
 * One workspace: its database and its folder of files (the content-addressed photos, the
 * watermark cache, exports, the key that seals the channels' secrets). A desk's workspace is a
 * data folder holding a SQLite file; a server's is a PostgreSQL database plus a folder every
 * instance shares. Every service gets the workspace; none of them knows whether it is called over
 * IPC, HTTP or the CLI, and only the queries in db/dialect.ts know which engine answers.
 */
export class Workspace<D extends Db = Db> {
  readonly dataDir: string;
  readonly db: D;
  readonly photosDir: string;
  private readonly emitter = new EventEmitter();
  private serverInstance: ServerInstance | null = null;

  private constructor(dataDir: string, db: D) {
    this.dataDir = dataDir;
    this.db = db;
    this.photosDir = path.join(dataDir, 'photos');
  }

  /**
   * Opens (or creates) the data folder. A new folder is created readable by its owner only; an
   * existing Rebound folder that others may read is made owner-only once its database opened (a
   * folder refused as newer is left untouched, a folder of other things is never changed).
   *
   * No data is lost on the way: a database that fails SQLite's quick check is refused
   * (`damaged_database`, naming the latest backup and how to restore it) before anything writes
   * to it, and one that needs migrating is first copied to `backups/` (see ../backup).
   */
  static open(dataDir: string, options: OpenOptions = {}): Workspace<SqliteDb> {
    const state = prepareDataDir(dataDir);
    const db = openDatabase(path.join(state.dir, 'rebound.sqlite'), options);
    tightenDataDir(state);
    return new Workspace(state.dir, db);
  }

  /**
   * Opens a server's workspace: the PostgreSQL database at `url` (its schema created or brought
   * up to date) and the shared files folder, created owner-only when missing. Every instance of
   * the server opens the same two; nothing else is kept by an instance.
   */
  static async connect(
    url: string,
    filesDir: string,
    options: PostgresOptions = {},
  ): Promise<Workspace<PostgresDb>> {
    const dir = path.resolve(filesDir);
    makePrivateDir(dir);
    const db = await openPostgres(url, options);
    return new Workspace(dir, db);
  }

  get kysely() {
    return this.db.kysely;
  }

  get engine(): D['engine'] {
    return this.db.engine;
  }

  /** The SQLite handle of a desk's workspace; a server's has none (backups there are the database's own). */
  sqliteHandle(): SqliteDb['sqlite'] {
    if (this.db.engine !== 'sqlite') {
      throw new AppError('unsupported', say('workspace.server_backup'));
    }
    return this.db.sqlite;
  }

  /** Where a photo's files live: photos/ab/abcdef….listing.jpg and ….thumb.jpg. */
  photoPath(hash: string, variant: 'listing' | 'thumb'): string {
    return path.join(this.photosDir, hash.slice(0, 2), `${hash}.${variant}.jpg`);
  }

  /**
   * The server instance this process runs as (db/postgres/instance.ts), when it is one of the
   * instances of a server: its changes then reach the other instances, and theirs arrive here.
   */
  get instance(): ServerInstance | null {
    return this.serverInstance;
  }

  joinServer(instance: ServerInstance): void {
    this.serverInstance = instance;
  }

  emit(event: ServerEvent): void {
    this.emitter.emit('event', event);
    // The other instances learn of it too; a failed NOTIFY costs them a refresh, never this change.
    this.serverInstance?.publish(event).catch((error: unknown) => {
      console.error('Rebound: could not tell the other instances of a change:', error);
    });
  }

  /** An event that happened on another instance of the server: for this one's listeners only. */
  receive(event: ServerEvent): void {
    this.emitter.emit('event', event);
  }

  changed(...domains: string[]): void {
    this.emit({ type: 'changed', domains });
  }

  onEvent(listener: (event: ServerEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
    await this.db.close();
  }
}
