import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { SYSTEM_ACTOR } from '../electron/services/actor';
import { nowIso } from '../electron/services/db/connection';
import { addPhotos, PhotoPool } from '../electron/services/photos';
import { addNoise, pipeline, render, sceneJpeg, sceneSvg } from '../tests/support/images';
import { Workspace } from '../electron/services/workspace';

/**
 * How fast does a batch of camera photos go through the desk's pipeline, compared with the
 * fastest tool doing the least it could (libvips' own `vipsthumbnail`: decode with
 * shrink-on-load, resize, encode) and with ImageMagick when it is installed?
 *
 * The batch is 16 JPEGs of 6000×4000 (24 MP, what a desk DSLR or a phone writes), each a busy
 * scene with its own sensor noise, so every file is different and realistically hard to
 * compress. The pipeline figure is `addPhotos` end to end on a fresh workspace: read, hash,
 * decode, orient, resize, flatten, sRGB, listing + thumbnail + quality checks, atomic writes,
 * the database transaction — on the worker pool, one worker per core. The other tools get the
 * same cores: two processes at once, each with half the files. Targets: the pipeline takes at
 * most 1.5× the time of vipsthumbnail; `rebound photos add` of the same files, spawned as a
 * person types it (start-up, opening the workspace and starting the workers included), at most
 * 1.2×.
 */

const BATCH = 16;
const WIDTH = 6000;
const HEIGHT = 4000;
const TARGET_RATIO = 1.5;
const CLI_TARGET_RATIO = 1.2;
const REBOUND = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'rebound.mjs');
const ROUNDS = 3;
const run = promisify(execFile);

function write(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Finds an executable on PATH, like `which`. */
function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

/** Runs `command` over the files split into `parallel` groups, one process per group at once. */
async function timeTool(
  parallel: number,
  files: readonly string[],
  command: (group: readonly string[]) => [string, string[]][],
): Promise<number> {
  const groups: string[][] = Array.from({ length: parallel }, () => []);
  files.forEach((file, i) => groups[i % parallel]!.push(file));
  const started = performance.now();
  await Promise.all(
    groups.map(async (group) => {
      for (const [bin, args] of command(group)) await run(bin, args);
    }),
  );
  return performance.now() - started;
}

async function makeBatch(dir: string): Promise<string[]> {
  // One scene and one noise layer, slightly larger than a photo; each photo is cut at its own
  // offset, so every file is different (and hashes differently) without rendering 12 scenes.
  const scene = await addNoise(await render(sceneSvg(WIDTH + BATCH, HEIGHT + BATCH, 24)), 5);
  const files: string[] = [];
  for (let i = 0; i < BATCH; i++) {
    const file = path.join(dir, `camera-${String(i + 1).padStart(2, '0')}.jpg`);
    await pipeline(scene)
      .extract({ left: i, top: i, width: WIDTH, height: HEIGHT })
      .jpeg({ quality: 92 })
      .withMetadata({ orientation: 1 })
      .toFile(file);
    files.push(file);
  }
  return files;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** A merchant, product and item to attach a round's photos to. */
async function createItem(ws: Workspace, round: number): Promise<number> {
  const now = nowIso();
  const merchant = await ws.kysely
    .insertInto('merchants')
    .values({
      name: `Bench ${round}`,
      currency: 'EUR',
      language: 'en',
      return_window_days: 14,
      address: '',
      pricing_policy: null,
      fee_schedule: null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const product = await ws.kysely
    .insertInto('products')
    .values({
      merchant_id: merchant.id,
      sku: 'BENCH-1',
      ean: null,
      brand: null,
      model: null,
      title: 'Bench camera',
      description: '',
      ebay_category_id: null,
      original_cents: 10000,
      accessories: '[]',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const item = await ws.kysely
    .insertInto('items')
    .values({
      reference: `RB-BENCH-${round}`,
      merchant_id: merchant.id,
      product_id: product.id,
      order_reference: null,
      order_line: null,
      return_reason: null,
      delivered_at: null,
      received_at: now,
      grade: null,
      packaging: null,
      disposition: null,
      graded_at: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return item.id;
}

export async function benchPhotos(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-bench-photos-'));
  const cores = os.availableParallelism();
  const pool = new PhotoPool({ size: cores });
  const ws = Workspace.open(path.join(tmp, 'workspace'));
  try {
    write(`Generating ${BATCH} JPEGs of ${WIDTH}×${HEIGHT} …`);
    const inputDir = path.join(tmp, 'in');
    fs.mkdirSync(inputDir);
    const files = await makeBatch(inputDir);
    const totalBytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
    write(
      `  ${BATCH} files, ${(totalBytes / BATCH / 1024 / 1024).toFixed(1)} MB each on average; ${cores} cores; libvips ${sharp.versions.vips} (sharp ${sharp.versions.sharp})`,
    );

    // Start the workers (and, from sources, let tsx compile them) outside the timing: the app
    // pays that once per session, not per batch.
    const warm = await sceneJpeg(800, 600, 1);
    await Promise.all(
      Array.from({ length: cores }, () => pool.call('process', { source: { kind: 'bytes', bytes: warm } })),
    );

    const vipsthumbnail =
      onPath('vipsthumbnail') ?? (fs.existsSync('/usr/bin/vipsthumbnail') ? '/usr/bin/vipsthumbnail' : null);
    const convert = onPath('convert');
    const magickVersion = convert
      ? await run(convert, ['-version']).then(
          (r) => r.stdout,
          () => '',
        )
      : '';
    const magick = convert && magickVersion.includes('ImageMagick') ? convert : null;

    // The tools take turns, round after round, so that a busy moment on the machine hurts all
    // of them alike; the median of the rounds is reported.
    const times = {
      pipeline: [] as number[],
      cli: [] as number[],
      vips: [] as number[],
      magick: [] as number[],
    };
    for (let round = 1; round <= ROUNDS; round++) {
      // A fresh item per round: the same files again on the same item would only be duplicates.
      const itemId = await createItem(ws, round);
      const started = performance.now();
      const results = await addPhotos(
        ws,
        SYSTEM_ACTOR,
        itemId,
        files.map((file) => ({ path: file, name: path.basename(file), source: 'cli' as const })),
        undefined,
        { pool },
      );
      times.pipeline.push(performance.now() - started);
      const accepted = results.filter((r) => r.ok && !r.duplicate).length;
      if (accepted !== BATCH) {
        throw new Error(`pipeline accepted ${accepted} of ${BATCH}: ${JSON.stringify(results)}`);
      }

      // The command a person runs, on an item of its own: a new process every time.
      const cliItem = await createItem(ws, ROUNDS + round);
      const cliStarted = performance.now();
      const cli = await run(process.execPath, [
        REBOUND,
        'photos',
        'add',
        String(cliItem),
        ...files,
        '--data-dir',
        ws.dataDir,
        '--json',
      ]);
      times.cli.push(performance.now() - cliStarted);
      const added = (JSON.parse(cli.stdout) as { accepted: number }).accepted;
      if (added !== BATCH) throw new Error(`rebound photos add accepted ${added} of ${BATCH}: ${cli.stdout}`);

      if (vipsthumbnail) {
        const out = fs.mkdtempSync(path.join(tmp, 'vips-'));
        times.vips.push(
          await timeTool(cores, files, (group) => [
            [vipsthumbnail, ['--size', '1600', '-o', `${out}/%s.jpg[Q=85]`, ...group]],
          ]),
        );
      }
      if (magick) {
        const out = fs.mkdtempSync(path.join(tmp, 'magick-'));
        times.magick.push(
          await timeTool(cores, files, (group) =>
            group.map((file) => [
              magick,
              [file, '-resize', '1600x1600', '-quality', '85', path.join(out, path.basename(file))],
            ]),
          ),
        );
      }
    }

    const rate = (ms: number) => `${((BATCH * 1000) / ms).toFixed(2)} photos/s`;
    const line = (label: string, all: readonly number[]) => {
      const ms = median(all);
      const rounds = all.map((t) => (t / 1000).toFixed(2)).join(' / ');
      write(
        `  ${label.padEnd(46)} ${(ms / 1000).toFixed(2).padStart(6)} s ${rate(ms).padStart(17)}   (rounds: ${rounds} s)`,
      );
      return ms;
    };
    write();
    write(`  median of ${ROUNDS} rounds, ${BATCH} photos each:`);
    const pipelineMs = line(`Rebound pipeline (addPhotos, ${cores} workers)`, times.pipeline);
    const cliMs = line(`rebound photos add (a new process, start-up in)`, times.cli);
    let vipsMs: number | null = null;
    if (vipsthumbnail) {
      const version = (await run(vipsthumbnail, ['--vips-version'])).stdout.trim();
      vipsMs = line(`vipsthumbnail -s 1600, Q=85 (${cores} processes)`, times.vips);
      write(`    (${version}, ${vipsthumbnail})`);
    } else {
      write('  vipsthumbnail not installed, skipped (Debian/Ubuntu: apt-get install libvips-tools)');
    }
    let magickMs: number | null = null;
    if (magick) {
      magickMs = line(`ImageMagick convert -resize 1600x1600 (${cores} processes)`, times.magick);
    } else {
      write('  ImageMagick not installed, skipped');
    }

    write();
    if (vipsMs !== null) {
      const ratio = pipelineMs / vipsMs;
      write(
        `  pipeline ÷ vipsthumbnail = ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×) ${ratio <= TARGET_RATIO ? 'OK' : 'OVER TARGET'}`,
      );
    }
    if (vipsMs !== null) {
      const ratio = cliMs / vipsMs;
      write(
        `  rebound photos add ÷ vipsthumbnail = ${ratio.toFixed(2)}× (target ≤ ${CLI_TARGET_RATIO}×) ${ratio <= CLI_TARGET_RATIO ? 'OK' : 'OVER TARGET'}`,
      );
    }
    if (magickMs !== null) {
      write(`  pipeline ÷ ImageMagick = ${(pipelineMs / magickMs).toFixed(2)}×`);
    }
  } finally {
    await pool.close();
    await ws.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
