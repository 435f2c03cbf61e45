import fs from 'node:fs';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import type { ServerEvent } from '../../shared/contract';
import { openDatabase, type Db, type OpenOptions } from './db/connection';

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

  static open(dataDir: string, options: OpenOptions = {}): Workspace {
    const dir = path.resolve(dataDir);
    fs.mkdirSync(dir, { recursive: true });
    const db = openDatabase(path.join(dir, 'rebound.sqlite'), options);
    return new Workspace(dir, db);
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
