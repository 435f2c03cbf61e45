import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { addMerchant, addProduct } from '../../tests/integration/seed';
import { Workspace } from '../services/workspace';
import { rebound } from '../../tests/support/cli';

async function dataDir(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-cli-units-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  const ws = Workspace.open(path.join(dir, 'data'));
  const merchantId = await addMerchant(ws, { name: 'Velo Shop' });
  await addProduct(ws, { merchantId, sku: 'L-7', title: 'Lock' });
  await addProduct(ws, { merchantId, sku: 'B-1', title: 'Bell' });
  await ws.close();
  return dir;
}

describe('rebound import units', () => {
  test('imports a semicolon file with a BOM and lists unknown SKUs', async () => {
    const dir = await dataDir();
    const file = path.join(dir, 'units.csv');
    fs.writeFileSync(file, '\ufeffsku;units_sold\r\nL-7;1.200\r\nB-1;35,00\r\nX-9;4\r\n');
    const human = await rebound(
      'import',
      'units',
      file,
      '--merchant',
      'Velo Shop',
      '--data-dir',
      path.join(dir, 'data'),
    );
    expect(human).toMatchObject({ code: 0, err: '' });
    expect(human.out).toContain('2 SKUs updated, 0 unchanged');
    expect(human.out).toContain('1 SKUs are not in the catalogue (not imported): X-9');
    const json = await rebound(
      'import',
      'units',
      file,
      '--merchant',
      '1',
      '--json',
      '--data-dir',
      path.join(dir, 'data'),
    );
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({
      applied: true,
      updated: 0,
      unchanged: 2,
      unknownSkus: [{ line: 4, sku: 'X-9' }],
    });
  });

  test('a bad line refuses the file: exit 1, the line on stderr, nothing changed', async () => {
    const dir = await dataDir();
    const file = path.join(dir, 'units.csv');
    fs.writeFileSync(file, 'sku;units_sold\nL-7;12\nB-1;-1\n');
    const result = await rebound(
      'import',
      'units',
      file,
      '--merchant',
      'Velo Shop',
      '--data-dir',
      path.join(dir, 'data'),
    );
    expect(result.code).toBe(1);
    expect(result.err).toContain('line 3: “-1” is negative');
    expect(result.out).toContain('Nothing was imported');
    const missing = await rebound(
      'import',
      'units',
      path.join(dir, 'nope.csv'),
      '--merchant',
      '1',
      '--data-dir',
      path.join(dir, 'data'),
    );
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('there is no such file');
    const usage = await rebound('import', 'units', file, '--data-dir', path.join(dir, 'data'));
    expect(usage.code).toBe(2);
  });

  test('rebound report selling prints the months as JSON', async () => {
    const dir = await dataDir();
    const result = await rebound('report', 'selling', '--json', '--data-dir', path.join(dir, 'data'));
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(result.out)).toEqual([]);
  });
});
