import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import * as fake from '../../tests/support/fakeElectron';
import { cliArguments } from './cli';

vi.mock('electron', () => import('../../tests/support/fakeElectron'));

describe('the installed app answers the CLI’s commands (Rebound --cli …)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-app-cli-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('only --cli turns the app into the command line, with the words after it', () => {
    expect(cliArguments(['/opt/Rebound/rebound'])).toBeNull();
    expect(cliArguments(['/opt/Rebound/rebound', '--data-dir', '/x'])).toBeNull();
    expect(cliArguments(['/opt/Rebound/rebound', '--cli', 'items', 'list', '--json'])).toEqual([
      'rebound',
      'rebound',
      'items',
      'list',
      '--json',
    ]);
    // In development Electron's argv has the app folder before the flag.
    expect(cliArguments(['electron', '.', '--cli', 'status'])).toEqual(['rebound', 'rebound', 'status']);
  });

  test('starting the app with --cli runs the command, prints its answer, exits with its code and opens no window', async () => {
    fake.resetFakeElectron();
    const written: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const argv = process.argv;
    process.argv = ['/opt/Rebound/rebound', '--cli', 'status', '--json', '--data-dir', dataDir];
    try {
      await import('./index');
      await vi.waitFor(() => expect(fake.app.exitCode).not.toBeNull(), { timeout: 20_000 });
    } finally {
      process.argv = argv;
      write.mockRestore();
    }
    expect(fake.app.exitCode).toBe(0);
    expect(fake.BrowserWindow.created).toHaveLength(0);
    const status = JSON.parse(written.join('')) as { dataDir: string; itemCount: number };
    expect(status).toMatchObject({ dataDir: path.resolve(dataDir), itemCount: 0 });
  });
});
