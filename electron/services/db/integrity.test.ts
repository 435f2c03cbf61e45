import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { addMerchant } from '../../../tests/integration/seed';
import { openRawDatabase, tempDir } from '../../../tests/integration/temp';
import { Workspace } from '../workspace';
import { needsIntegrityCheck } from './integrity';

/**
 * The whole-file check at open runs when the file may have been touched from outside since
 * Rebound last closed it cleanly, and only then (integrity.ts); the damaged files themselves are
 * refused in backup/backup.test.ts.
 */
describe('the integrity check at open', () => {
  test('skipped for a file exactly as a clean close left it; run after anything else touched it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'rebound.sqlite');
    expect(needsIntegrityCheck(file)).toBe(true);
    const ws = Workspace.open(dir);
    await addMerchant(ws, { name: 'Larkfield' });
    // Open (and another process could be writing): a check at the next open.
    expect(needsIntegrityCheck(file)).toBe(true);
    await ws.close();
    expect(needsIntegrityCheck(file)).toBe(false);

    // Another tool wrote into the file.
    const raw = openRawDatabase(file);
    raw.prepare(`UPDATE merchants SET name = 'Larkfield Home' WHERE name = 'Larkfield'`).run();
    raw.close();
    expect(needsIntegrityCheck(file)).toBe(true);

    // Opened and closed by Rebound again: checked then, clean now.
    const again = Workspace.open(dir);
    await again.close();
    expect(needsIntegrityCheck(file)).toBe(false);

    // Bytes changed with the modification time put back, as a careless copy could: the change
    // time still tells.
    const before = fs.statSync(file);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.from([0]), 0, 1, before.size - 1);
    fs.closeSync(fd);
    fs.utimesSync(file, before.atime, before.mtime);
    expect(needsIntegrityCheck(file)).toBe(true);
  });

  test('a write-ahead log left beside the file (a crash, or a process still open) means a check', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'rebound.sqlite');
    const ws = Workspace.open(dir);
    await ws.close();
    expect(needsIntegrityCheck(file)).toBe(false);
    fs.writeFileSync(`${file}-wal`, Buffer.alloc(4096, 1));
    onTestFinished(() => fs.rmSync(`${file}-wal`, { force: true }));
    expect(needsIntegrityCheck(file)).toBe(true);
  });
});
