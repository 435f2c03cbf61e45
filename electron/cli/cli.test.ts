import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ItemSummary } from '../../shared/contract';
import { addMerchant, seedReturnsDesk } from '../../tests/integration/seed';
import { openRawDatabase, tempDir } from '../../tests/integration/temp';
import { APP_VERSION } from '../services/version';
import { Workspace } from '../services/workspace';
import { rebound } from '../../tests/support/cli';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

interface Outcome {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** `rebound …` in this process, with stdout and stderr captured. */
/** A data folder with the returns desk in it, closed again so the CLI opens it as a user would. */
async function deskFolder(): Promise<string> {
  const dir = tempDir();
  const ws = Workspace.open(dir);
  await seedReturnsDesk(ws);
  await ws.close();
  return dir;
}

/** The subcommand names listed under "Commands:" in a help text (without `help` itself). */
function subcommands(help: string): string[] {
  const section = help.split(/^Commands:\n/m)[1];
  if (!section) return [];
  return [...section.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((m) => m[1]!).filter((name) => name !== 'help');
}

describe('rebound --help and --version', () => {
  test('every command explains itself, and every leaf command names its workspace and offers --json', async () => {
    const leaves: string[] = [];
    const visit = async (command: string[]) => {
      const help = await rebound(...command, '--help');
      expect(help.code, command.join(' ')).toBe(0);
      expect(help.out, command.join(' ')).toMatch(/^Usage: rebound/);
      expect(help.err).toBe('');
      const children = subcommands(help.out);
      if (children.length === 0) {
        leaves.push(command.join(' '));
        // A desk's data folder, or for the server's commands its database (and for migrate, both).
        expect(help.out, command.join(' ')).toMatch(/--data-dir <dir>|--database <url>|--from <dir>/);
        expect(help.out, command.join(' ')).toContain('--json');
      }
      for (const child of children) await visit([...command, child]);
    };
    await visit([]);
    // The walk really went through the tree.
    expect(leaves).toEqual(
      expect.arrayContaining(['status', 'items list', 'items show', 'merchants list', 'serve']),
    );
  });

  test('--version prints the app version', async () => {
    expect(await rebound('--version')).toEqual({ code: 0, out: `${APP_VERSION}\n`, err: '' });
  });
});

describe('rebound: bad usage exits with 2 and says why', () => {
  test('an unknown command or option', async () => {
    const command = await rebound('itmes');
    expect(command.code).toBe(2);
    expect(command.err).toContain("unknown command 'itmes'");
    const option = await rebound('items', 'list', '--colour', 'red');
    expect(option.code).toBe(2);
    expect(option.err).toContain("unknown option '--colour'");
    expect(option.err).toContain('--help');
  });

  test('a grade, status or number the app does not know', async () => {
    const dir = tempDir();
    const grade = await rebound('items', 'list', '--grade', 'used,like_new', '--data-dir', dir);
    expect(grade.code).toBe(2);
    expect(grade.err).toContain('Unknown grade “like_new”. Grades: new_sealed, opened_packaging');
    const status = await rebound('items', 'list', '--status', 'lost', '--data-dir', dir);
    expect(status.code).toBe(2);
    expect(status.err).toContain('Unknown status “lost”.');
    const limit = await rebound('items', 'list', '--limit', 'ten', '--data-dir', dir);
    expect(limit).toMatchObject({ code: 2, err: 'rebound: --limit must be a whole number, got “ten”.\n' });
    // A number out of range is refused by the contract, and is bad usage all the same.
    const tooMany = await rebound('items', 'list', '--limit', '5000', '--data-dir', dir);
    expect(tooMany.code).toBe(2);
    expect(tooMany.err).toMatch(/^rebound: Invalid input for items.list: limit: /);
  });

  test('a French bookkeeper reads the refusal in French with --lang fr; --json keeps the code and the English text', async () => {
    const dir = await deskFolder();
    const french = await rebound('items', 'list', '--limit', '5000', '--lang', 'fr', '--data-dir', dir);
    expect(french).toMatchObject({
      code: 2,
      err: 'rebound: Une partie de ce qui a été envoyé n’est pas valable (limit). Vérifiez le formulaire et réessayez.\n',
    });
    const json = await rebound(
      'items',
      'list',
      '--limit',
      '5000',
      '--lang',
      'fr',
      '--json',
      '--data-dir',
      dir,
    );
    const answer = JSON.parse(json.err) as {
      error: { code: string; message: string; text: { code: string } };
    };
    expect(answer.error.code).toBe('bad_input');
    expect(answer.error.message).toMatch(/^Invalid input for items.list: limit: /);
    expect(answer.error.text.code).toBe('common.invalid_input');
    const unknown = await rebound('items', 'list', '--lang', 'es', '--data-dir', dir);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Allowed choices are en, fr, de');
  });

  test('serving beyond this machine needs --allow-remote, and then TLS or an explicit --insecure-http', async () => {
    const dir = tempDir();
    const remote = await rebound('serve', '--host', '0.0.0.0', '--data-dir', dir);
    expect(remote.code).toBe(2);
    expect(remote.err).toBe(
      'rebound: Refusing to listen on 0.0.0.0: only loopback is allowed without --allow-remote.\n',
    );
    const plain = await rebound('serve', '--host', '0.0.0.0', '--allow-remote', '--data-dir', dir);
    expect(plain.code).toBe(2);
    expect(plain.err).toMatch(
      /^rebound: Refusing to serve 0\.0\.0\.0 over plain HTTP: .*--tls-cert and --tls-key/,
    );
    const half = await rebound('serve', '--tls-cert', 'cert.pem', '--port', '0', '--data-dir', dir);
    expect(half).toMatchObject({ code: 2, err: 'rebound: --tls-cert and --tls-key go together.\n' });
    const missing = await rebound(
      'serve',
      '--tls-cert',
      'nope.pem',
      '--tls-key',
      'nope.key',
      '--data-dir',
      dir,
    );
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--tls-cert: cannot read nope\.pem \(ENOENT\)/);
  });
});

describe('rebound at the desk', () => {
  test('items list prints a table, newest first, with how many matched', async () => {
    const dir = await deskFolder();
    const { code, out, err } = await rebound('items', 'list', '--data-dir', dir);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^REFERENCE\s+GRADE\s+STATUS\s+SKU\s+PRICE\s+TITLE$/);
    expect(lines[1]).toMatch(/^RB-000104\s+defective\s+destroyed\s+VS-HELM-01\s+€59\.99\s+Bike helmet/);
    expect(lines.at(-1)).toBe('5 of 5 items');
  });

  test('items list --json is valid JSON with rows and total, for scripts', async () => {
    const dir = await deskFolder();
    const { code, out } = await rebound(
      'items',
      'list',
      '--json',
      '--grade',
      'used,defective',
      '--grade',
      'new_sealed',
      '--limit',
      '2',
      '--data-dir',
      dir,
    );
    expect(code).toBe(0);
    const result = JSON.parse(out) as { rows: ItemSummary[]; total: number };
    expect(result.total).toBe(3);
    expect(result.rows.map((r) => r.reference)).toEqual(['RB-000104', 'RB-000102']);
  });

  test('items list filters by merchant, status and search text', async () => {
    const dir = await deskFolder();
    const byStatus = await rebound(
      'items',
      'list',
      '--json',
      '--status',
      'awaiting_approval',
      '--data-dir',
      dir,
    );
    expect((JSON.parse(byStatus.out) as { total: number }).total).toBe(2);
    const bySearch = await rebound('items', 'list', '--json', '--search', 'chevet', '--data-dir', dir);
    expect((JSON.parse(bySearch.out) as { rows: ItemSummary[] }).rows.map((r) => r.reference)).toEqual([
      'RB-000105',
    ]);
    const byMerchant = await rebound('items', 'list', '--json', '--merchant', '2', '--data-dir', dir);
    expect((JSON.parse(byMerchant.out) as { total: number }).total).toBe(1);
  });

  test('items show finds a return by the reference on its label', async () => {
    const dir = await deskFolder();
    const { code, out } = await rebound('items', 'show', 'rb-000101', '--json', '--data-dir', dir);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ reference: 'RB-000101', orderReference: 'WEB-5001', events: [] });
  });

  test('items show with an unknown reference fails with 1 and a clear message', async () => {
    const dir = await deskFolder();
    expect(await rebound('items', 'show', 'RB-999999', '--data-dir', dir)).toEqual({
      code: 1,
      out: '',
      err: 'rebound: There is no item with reference RB-999999.\n',
    });
  });

  test('merchants list and status describe the data folder', async () => {
    const dir = tempDir();
    const ws = Workspace.open(dir);
    await addMerchant(ws, { name: 'Velo Shop' });
    await ws.close();

    const merchants = await rebound('merchants', 'list', '--data-dir', dir);
    expect(merchants).toMatchObject({ code: 0, out: '1\tVelo Shop\tEUR\t0 items\n' });
    const status = await rebound('status', '--json', '--data-dir', dir);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.out)).toMatchObject({
      dataDir: dir,
      schemaVersion: ws.db.schemaVersion,
      merchantCount: 1,
      itemCount: 0,
      isEmpty: false,
    });
    const human = await rebound('status', '--data-dir', dir);
    expect(human.out).toBe(`Data folder: ${dir}\nSchema: ${ws.db.schemaVersion}\nMerchants: 1\nItems: 0\n`);
  });

  test('a data folder from a newer Rebound is refused with 1 and what to do', async () => {
    const dir = tempDir();
    const raw = openRawDatabase(path.join(dir, 'rebound.sqlite'));
    raw.pragma('user_version = 100000');
    raw.close();
    const { code, err } = await rebound('status', '--data-dir', dir);
    expect(code).toBe(1);
    expect(err).toMatch(
      /^rebound: This data folder was written by a newer version of Rebound .* Update Rebound/,
    );
  });
});

describe('the rebound executable', () => {
  /** Runs bin/rebound.mjs in a child process and waits for it to exit. */
  function spawnRebound(args: string[]): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'rebound.mjs'), ...args], { cwd: ROOT });
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
    });
  }

  test('starts from a shell and prints its help', async () => {
    const { code, out } = await spawnRebound(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('Usage: rebound [options] [command]');
  });

  test('hands its exit code and message to the shell', async () => {
    const dir = tempDir();
    const { code, out, err } = await spawnRebound(['items', 'show', 'RB-999999', '--data-dir', dir]);
    expect({ code, out, err }).toEqual({
      code: 1,
      out: '',
      err: 'rebound: There is no item with reference RB-999999.\n',
    });
  });
});
