/**
 * The data folder holds the merchants' data and the channels' sealed credentials: created
 * readable by its owner only, and an existing Rebound folder that others may read is made
 * owner-only when it is opened. POSIX modes only: Windows folders inherit their ACLs.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, onTestFinished, test } from 'vitest';
import { addMerchant } from '../../tests/integration/seed';
import { openRawDatabase, tempDir } from '../../tests/integration/temp';
import { FileKeySecretBox } from './channels/ebay/secrets';
import { setWatermark } from './channels/watermark';
import { MIGRATIONS } from './db/migrations';
import { exportSales, exportsDir } from './exports';
import { Workspace } from './workspace';

const POSIX = process.platform !== 'win32';
const title = (name: string): string =>
  POSIX ? name : `${name} — SKIPPED: Windows has no POSIX modes (the folder inherits its ACLs)`;

const modeOf = (file: string): number => fs.statSync(file).mode & 0o777;

function open(dir: string): Workspace {
  const ws = Workspace.open(dir);
  onTestFinished(() => ws.close());
  return ws;
}

describe.skipIf(!POSIX)(title('the data folder is readable by its owner only'), () => {
  test('a new folder (and the parents made for it) 0700, the database and the key file 0600, subfolders 0700', async () => {
    const dataDir = path.join(tempDir(), 'home', 'Rebound');
    const ws = open(dataDir);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(path.dirname(dataDir))).toBe(0o700);
    const merchantId = await addMerchant(ws, { name: 'Larkfield Outlet', currency: 'EUR', language: 'en' });
    // SQLite gives the -wal and -shm files the database's mode.
    for (const name of fs.readdirSync(dataDir).filter((f) => f.startsWith('rebound.sqlite'))) {
      expect(modeOf(path.join(dataDir, name)), name).toBe(0o600);
    }

    new FileKeySecretBox(dataDir).seal(Buffer.from('cert id'));
    expect(modeOf(path.join(dataDir, 'secret.key'))).toBe(0o600);

    const exported = await exportSales(ws, {
      from: '2026-01-01',
      to: '2026-01-31',
      format: 'csv',
      locale: 'en',
    });
    expect(path.dirname(exported.file)).toBe(exportsDir(ws));
    expect(modeOf(exportsDir(ws))).toBe(0o700);

    const logo = path.join(tempDir(), 'logo.png');
    await sharp({ create: { width: 8, height: 8, channels: 4, background: '#0000' } })
      .png()
      .toFile(logo);
    await setWatermark(ws, { merchantId, logoPath: logo });
    expect(modeOf(path.join(dataDir, 'watermarks'))).toBe(0o700);
  });

  test('an existing Rebound folder others may read is made owner-only at open; its key file too', async () => {
    const dataDir = path.join(tempDir(), 'Rebound');
    await Workspace.open(dataDir).close();
    new FileKeySecretBox(dataDir).seal(Buffer.from('cert id'));
    // As an older Rebound (or a permissive umask, or a restored backup) left them.
    fs.chmodSync(dataDir, 0o755);
    fs.chmodSync(path.join(dataDir, 'secret.key'), 0o644);

    open(dataDir);
    expect(modeOf(dataDir)).toBe(0o700);
    new FileKeySecretBox(dataDir);
    expect(modeOf(path.join(dataDir, 'secret.key'))).toBe(0o600);
  });

  test('an empty folder given as the data folder is taken; a folder of other things is left as it is', () => {
    const empty = path.join(tempDir(), 'empty');
    fs.mkdirSync(empty, { mode: 0o755 });
    fs.chmodSync(empty, 0o755);
    open(empty);
    expect(modeOf(empty)).toBe(0o700);
    // With --data-dir the desktop app's Chromium profile is made in it first: still Rebound's.
    const desktop = path.join(tempDir(), 'desktop');
    fs.mkdirSync(path.join(desktop, 'electron-profile'), { recursive: true });
    fs.chmodSync(desktop, 0o755);
    open(desktop);
    expect(modeOf(desktop)).toBe(0o700);

    const documents = path.join(tempDir(), 'Documents');
    fs.mkdirSync(documents);
    fs.writeFileSync(path.join(documents, 'letter.txt'), 'hello');
    fs.chmodSync(documents, 0o755);
    open(documents);
    expect(modeOf(documents)).toBe(0o755);
  });

  test('a folder refused as written by a newer Rebound is left untouched, its mode too', () => {
    const dataDir = tempDir();
    const raw = openRawDatabase(path.join(dataDir, 'rebound.sqlite'));
    raw.pragma(`user_version = ${Math.max(...MIGRATIONS.map((m) => m.version)) + 10}`);
    raw.close();
    fs.chmodSync(dataDir, 0o755);
    expect(() => Workspace.open(dataDir)).toThrow(/newer version of Rebound/);
    expect(modeOf(dataDir)).toBe(0o755);
  });
});
