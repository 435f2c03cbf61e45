import path from 'node:path';
import { EventEmitter } from 'node:events';
import type { ServerEvent } from '../../shared/contract';
import { openDatabase, type Db, type OpenOptions } from './db/connection';
import { prepareDataDir, tightenDataDir } from './paths';

/**
 * One data folder: the SQLite database and the content-addressed photo files. Every service
 * gets the workspace; none of them knows whether it is called over IPC, HTTP or the CLI.
 */
export class Workspace {
  readonly dataDir: string;
  readonly db: Db;
  readonly photosDir: string;
  private readonly emitter = new EventEmitter();

  private constructor(dataDir: string, db: Db) {
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
  static open(dataDir: string, options: OpenOptions = {}): Workspace {
    const state = prepareDataDir(dataDir);
    const db = openDatabase(path.join(state.dir, 'rebound.sqlite'), options);
    tightenDataDir(state);
    return new Workspace(state.dir, db);
  }

  get kysely() {
    return this.db.kysely;
  }

  /** Where a photo's files live: photos/ab/abcdef….listing.jpg and ….thumb.jpg. */
  photoPath(hash: string, variant: 'listing' | 'thumb'): string {
    return path.join(this.photosDir, hash.slice(0, 2), `${hash}.${variant}.jpg`);
  }

  emit(event: ServerEvent): void {
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
