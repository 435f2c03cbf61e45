import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { Workspace } from '../workspace';
import { AppError } from '../../../shared/errors';
import { renderMessage } from '../../../shared/messages/render';

/**
 * The workspace in French and German: a data folder written by a newer Rebound, and a damaged
 * database file, are refused with a message the window draws in the reader's language and that
 * names no command to run (the command line adds its own).
 */

function dataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-ws-messages-'));
}

async function opening(dir: string): Promise<AppError> {
  let ws: Workspace;
  try {
    ws = Workspace.open(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  await ws.close();
  throw new Error('the workspace opened');
}

/** A workspace made and closed, so its database file is there to be spoilt. */
async function madeWorkspace(): Promise<{ dir: string; file: string }> {
  const dir = dataDir();
  await Workspace.open(dir).close();
  return { dir, file: path.join(dir, 'rebound.sqlite') };
}

describe('workspace messages', () => {
  test('a data folder from a newer version is refused in French', async () => {
    const { dir, file } = await madeWorkspace();
    const db = new BetterSqlite3(file);
    db.pragma('user_version = 9999');
    db.close();

    const error = await opening(dir);
    expect(error.code).toBe('newer_database');
    expect(error.text?.code).toBe('workspace.newer');
    expect(renderMessage(error.text!, 'fr')).toMatch(
      /^Ce dossier de données a été écrit par une version plus récente de Rebound \(schéma 9999 ; cette version connaît jusqu’au \d+\)\. Mettez Rebound à jour pour l’ouvrir ; rien n’a été modifié\.$/,
    );
  });

  test('a damaged database is refused without a command in the window’s words', async () => {
    const { dir, file } = await madeWorkspace();
    for (const extra of ['-wal', '-shm']) fs.rmSync(`${file}${extra}`, { force: true });
    fs.writeFileSync(file, Buffer.alloc(8192, 0x42));

    const error = await opening(dir);
    expect(error.code).toBe('damaged_database');
    const german = renderMessage(error.text!, 'de');
    expect(german).toMatch(/^Die Datenbank .+ ist beschädigt \(.+\)\. Rebound hat sie nicht geöffnet/);
    expect(german).not.toMatch(/rebound restore|--data-dir/);
    expect(renderMessage(error.text!, 'fr')).not.toMatch(/rebound restore|--data-dir/);
  });
});
