import { spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import type {
  ApprovalQueue,
  ItemDetail,
  ItemSummary,
  Merchant,
  Paged,
  PersonView,
  PhotoAddResult,
  PricingView,
  Product,
  ScanResult,
} from '../shared/contract';
import { Workspace } from '../electron/services/workspace';
import { sceneJpeg } from '../tests/support/images';
import { saveFigures, tableLines } from './figures';
import { startServing } from '../tests/support/serving';

/**
 * A warehouse at full tilt: 20 intake desks and 5 of the merchant's approvers, all at once,
 * against two `rebound server` instances on one PostgreSQL database, over HTTP as the browser
 * speaks it (session cookie, JSON calls, the raw photo upload).
 *
 * Each desk loops, without a pause unless REBOUND_LOAD_THINK_MS asks for one, over the cycle of
 * a parcel: the items list, scan a product's EAN, receive a new item, grade it (mostly "used"
 * with a scratch, which the merchant must approve; some "opened packaging", which the policy may
 * approve by itself), upload one photo (1600 × 1200 JPEG, as from the window's file picker) —
 * after which the proposal follows on its own. Each approver loops over their queue: list it, open one of the oldest rows (pricing.get),
 * approve it. Approvers pick among the three oldest rows, so two of them often go for the same
 * item: one must win and the other get `conflict`, never a double decision. Desks and approvers
 * alternate between the two instances, so what one instance writes the other reads.
 *
 * The reference, in the same run, is one desk and one approver alone on the same instances: what
 * each call costs without a queue in front of it. The two cores run both instances, PostgreSQL
 * and this load generator, so the CPU each used is printed too (Linux, from /proc).
 *
 * At the end the database is checked for lost updates: every approval a call reported is in the
 * database with exactly one decision event; every race's loser lost to a recorded decision;
 * every grade a desk saved is the item's grade; every uploaded photo is a row and a file.
 *
 *   npm run bench -- load                              60 s
 *   REBOUND_LOAD_SECONDS=10 npm run bench -- load      a quicker try
 *   REBOUND_LOAD_ALONE_SECONDS=5                       the reference phase (default 10 s)
 *   REBOUND_LOAD_THINK_MS=500                          a pause before every call (default none)
 *   REBOUND_BENCH_POSTGRES=postgres://… npm run bench -- load   on that server (else a throwaway cluster)
 */

const DESKS = 20;
const APPROVERS = 5;
const TARGET_P95_MS = 100;
const PASSWORD = 'load-bench-password';
const MERCHANT = 'Larkfield Home & Tech';
const ADMIN = { name: 'Nadia Okafor', password: 'admin-demo' };
const STAFF = { name: 'Lea Brandt', password: 'staff-demo' };
const PHOTO_WIDTH = 1600;
const PHOTO_HEIGHT = 1200;
const DISTINCT_PHOTOS = 16;
/** An approver whose queue is empty looks again after this long (the screen would get an event). */
const EMPTY_QUEUE_WAIT_MS = 100;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'bin', 'rebound.mjs');

function write(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function seconds(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`${name} wants a positive number of seconds, got ${raw}`);
  return n;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The mean pause before every call (REBOUND_LOAD_THINK_MS): 0, the default, measures at saturation. */
let thinkMs = 0;

// ─── PostgreSQL and the two instances ───────────────────────────────────────────────────────

interface Postgres {
  readonly url: string;
  readonly where: string;
  stop(): void;
}

interface ClusterModule {
  findPostgresBin(): string | null;
  startCluster(): Promise<{ url: string; dir: string; stop(): void }>;
}

/** REBOUND_BENCH_POSTGRES, else a throwaway cluster, else null with the reason. */
async function postgres(): Promise<Postgres | string> {
  const given = process.env.REBOUND_BENCH_POSTGRES;
  if (given) return { url: given, where: 'REBOUND_BENCH_POSTGRES', stop: () => undefined };
  // Built at run time: a JavaScript module of scripts/, like bench/startup.ts's build check.
  const cluster = (await import(
    pathToFileURL(path.join(ROOT, 'scripts', 'postgres-cluster.mjs')).href
  )) as ClusterModule;
  if (!cluster.findPostgresBin()) {
    return 'PostgreSQL is not installed (Debian: apt-get install postgresql), and REBOUND_BENCH_POSTGRES is not set';
  }
  const started = await cluster.startCluster();
  return {
    url: started.url,
    where: `a throwaway cluster (fsync off) in ${started.dir}`,
    stop: () => started.stop(),
  };
}

async function createDatabase(base: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `rebound_load_${crypto.randomBytes(5).toString('hex')}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

function cli(args: readonly string[], input?: string): string {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', input });
  if (result.status !== 0) {
    throw new Error(
      `rebound ${args[0]} exited with ${result.status ?? result.signal}: ${result.stderr || result.stdout}`,
    );
  }
  return result.stdout;
}

interface Instance {
  readonly child: ChildProcessWithoutNullStreams;
  readonly origin: string;
  readonly cookieName: string;
  /** What the instance wrote to stderr (a warning, a stack). */
  readonly stderr: () => string;
}

/** `rebound server --port 0 --json`, resolved once it has printed the line saying where it listens. */
async function startInstance(database: string, photos: string): Promise<Instance> {
  const serving = await startServing([
    'server',
    '--database',
    database,
    '--photos',
    photos,
    '--port',
    '0',
    '--json',
  ]);
  const port = new URL(serving.origin).port;
  return {
    child: serving.child,
    origin: serving.origin,
    cookieName: `rebound_session_${port}`,
    stderr: () => serving.output().stderr,
  };
}

async function stopInstance(instance: Instance): Promise<void> {
  if (instance.child.exitCode !== null || instance.child.signalCode !== null) return;
  const exited = new Promise((resolve) => instance.child.once('exit', resolve));
  instance.child.kill('SIGTERM');
  await exited;
}

// ─── The HTTP client and its figures ────────────────────────────────────────────────────────

type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

class CallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Every timed call, by method; failures by method and code, with the first message of each. */
class Recorder {
  readonly samples = new Map<string, number[]>();
  readonly failures = new Map<string, { count: number; message: string }>();
  /** `conflict` answers to approvals.approve: the expected outcome of a race, not an error. */
  raceConflicts = 0;
  calls = 0;

  time(method: string, ms: number): void {
    let list = this.samples.get(method);
    if (!list) this.samples.set(method, (list = []));
    list.push(ms);
    this.calls += 1;
  }

  fail(method: string, code: string, message: string): void {
    const key = `${method} ${code}`;
    const seen = this.failures.get(key);
    if (seen) seen.count += 1;
    else this.failures.set(key, { count: 1, message });
  }

  get errorCount(): number {
    let n = 0;
    for (const f of this.failures.values()) n += f.count;
    return n;
  }
}

/** One person signed in: the token goes under both instances' cookie names (sessions live in the database). */
class Client {
  constructor(
    readonly name: string,
    private readonly cookie: string,
    public recorder: Recorder,
  ) {}

  private async request<T>(instance: Instance, method: string, url: string, init: RequestInit): Promise<T> {
    // Spread 0.5–1.5×: with one fixed pause the desks would move in lockstep and arrive in bursts.
    if (thinkMs > 0) await sleep(thinkMs * (0.5 + Math.random()));
    const start = performance.now();
    let envelope: Envelope<T>;
    try {
      const response = await fetch(url, {
        ...init,
        method: 'POST',
        headers: {
          ...(init.headers as Record<string, string>),
          cookie: this.cookie,
          origin: instance.origin,
        },
      });
      envelope = (await response.json()) as Envelope<T>;
    } catch (error) {
      this.recorder.time(method, performance.now() - start);
      const message = error instanceof Error ? error.message : String(error);
      this.recorder.fail(method, 'network', message);
      throw new CallError('network', message);
    }
    this.recorder.time(method, performance.now() - start);
    if (envelope.ok) return envelope.value;
    const expected = method === 'approvals.approve' && envelope.error.code === 'conflict';
    if (expected) this.recorder.raceConflicts += 1;
    else this.recorder.fail(method, envelope.error.code, envelope.error.message);
    throw new CallError(envelope.error.code, envelope.error.message);
  }

  call<T>(instance: Instance, method: string, input: unknown): Promise<T> {
    return this.request<T>(instance, method, `${instance.origin}/api/call/${method}`, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
  }

  upload(instance: Instance, itemId: number, name: string, jpeg: Buffer): Promise<readonly PhotoAddResult[]> {
    const query = new URLSearchParams({ itemId: String(itemId), source: 'picker', name });
    return this.request(instance, 'photos upload', `${instance.origin}/api/upload/photo?${query}`, {
      headers: { 'content-type': 'image/jpeg' },
      body: jpeg,
    });
  }
}

/** Signs in on the first instance; the cookie carries the token under every instance's name. */
async function signIn(
  instances: readonly Instance[],
  name: string,
  password: string,
  recorder: Recorder,
): Promise<Client> {
  const first = instances[0]!;
  const response = await fetch(`${first.origin}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: first.origin },
    body: JSON.stringify({ name, password }),
  });
  const envelope = (await response.json()) as Envelope<unknown>;
  if (!envelope.ok) throw new Error(`${name} could not sign in: ${envelope.error.message}`);
  const set = response.headers.getSetCookie().find((c) => c.startsWith(`${first.cookieName}=`));
  if (!set) throw new Error(`${name} signed in but got no ${first.cookieName} cookie`);
  const token = set.slice(first.cookieName.length + 1).split(';')[0]!;
  const cookie = instances.map((i) => `${i.cookieName}=${token}`).join('; ');
  return new Client(name, cookie, recorder);
}

// ─── The simulated people ───────────────────────────────────────────────────────────────────

interface Ledger {
  /** Items received, with the grade the desk saved. */
  readonly graded: Map<number, string>;
  /** Photos uploaded (not reported as duplicates): photo id → item id. */
  readonly photos: Map<number, number>;
  /** Approvals a call reported as done: item id → how many calls said so (1 is right). */
  readonly approved: Map<number, number>;
  /** Items whose approval lost a race (`conflict`). */
  readonly lostRaces: Set<number>;
  received: number;
  cycles: number;
  /** Parcels opened so far, for order references that never repeat across phases. */
  parcels: number;
}

function newLedger(): Ledger {
  return {
    graded: new Map(),
    photos: new Map(),
    approved: new Map(),
    lostRaces: new Set(),
    received: 0,
    cycles: 0,
    parcels: 0,
  };
}

interface World {
  readonly instances: readonly Instance[];
  readonly eans: readonly string[];
  readonly photos: readonly Buffer[];
}

async function deskLoop(
  client: Client,
  desk: number,
  instance: Instance,
  world: World,
  ledger: Ledger,
  until: number,
): Promise<void> {
  let n = 0;
  while (performance.now() < until) {
    n += 1;
    try {
      // The desk's list: what came in lately.
      await client.call<Paged<ItemSummary>>(instance, 'items.list', { limit: 50 });
      const ean = world.eans[(desk * 7 + n) % world.eans.length]!;
      const scanned = await client.call<ScanResult>(instance, 'intake.scan', { text: ean });
      if (scanned.kind !== 'product') {
        client.recorder.fail('intake.scan', 'unexpected', `the scan of ${ean} found ${scanned.kind}`);
        continue;
      }
      const item = await client.call<ItemDetail>(instance, 'intake.receive', {
        productId: scanned.productId,
        orderReference: `LOAD-${(ledger.parcels += 1)}`,
        returnReason: 'changed_mind',
      });
      ledger.received += 1;
      const used = n % 4 !== 0;
      const grade = used ? 'used' : 'opened_packaging';
      const graded = await client.call<ItemDetail>(instance, 'intake.grade', {
        itemId: item.id,
        version: item.version,
        grade,
        packaging: 'opened_intact',
        accessoriesMissing: [],
        functionalTest: 'passed',
        factoryReset: false,
        cleaned: true,
        repackaged: false,
        defects: used
          ? [
              {
                kind: 'scratch',
                location: 'top, left',
                sizeMm: 15,
                severity: 'moderate',
                note: 'visible under light',
              },
            ]
          : [],
      });
      ledger.graded.set(graded.id, grade);
      const jpeg = world.photos[(desk + n) % world.photos.length]!;
      const results = await client.upload(instance, item.id, 'front.jpg', jpeg);
      for (const r of results) {
        if (!r.ok) client.recorder.fail('photos upload', r.code, `${r.name}: ${r.reason}`);
        else if (!r.duplicate) ledger.photos.set(r.photoId, item.id);
      }
      ledger.cycles += 1;
    } catch {
      // Counted by the client; the desk goes on with the next parcel.
    }
  }
}

async function approverLoop(
  client: Client,
  approver: number,
  instance: Instance,
  ledger: Ledger,
  until: number,
): Promise<void> {
  let n = 0;
  while (performance.now() < until) {
    n += 1;
    try {
      const queue = await client.call<ApprovalQueue>(instance, 'approvals.list', {});
      if (queue.rows.length === 0) {
        await sleep(EMPTY_QUEUE_WAIT_MS);
        continue;
      }
      // The three oldest, as a screen sorted by waiting time shows them: approvers collide here.
      const oldest = [...queue.rows].sort((a, b) => a.waitingSince.localeCompare(b.waitingSince)).slice(0, 3);
      const row = oldest[(approver + n) % oldest.length]!;
      const view = await client.call<PricingView>(instance, 'pricing.get', { itemId: row.itemId });
      const priceId = view.price?.id ?? row.priceId;
      try {
        await client.call<PricingView>(instance, 'approvals.approve', { itemId: row.itemId, priceId });
        ledger.approved.set(row.itemId, (ledger.approved.get(row.itemId) ?? 0) + 1);
      } catch (error) {
        if (error instanceof CallError && error.code === 'conflict') ledger.lostRaces.add(row.itemId);
      }
    } catch {
      // Counted by the client; the approver looks at the queue again.
    }
  }
}

// ─── A phase: people looping for a while ────────────────────────────────────────────────────

interface PhaseResult {
  readonly recorder: Recorder;
  readonly seconds: number;
  readonly cpu: CpuUse | null;
}

async function runPhase(
  world: World,
  desks: readonly Client[],
  approvers: readonly Client[],
  ledger: Ledger,
  durationS: number,
): Promise<PhaseResult> {
  const recorder = new Recorder();
  for (const c of [...desks, ...approvers]) c.recorder = recorder;
  const before = cpuSnapshot(world.instances);
  const start = performance.now();
  const until = start + durationS * 1000;
  const instanceOf = (i: number) => world.instances[i % world.instances.length]!;
  await Promise.all([
    ...desks.map((c, i) => deskLoop(c, i, instanceOf(i), world, ledger, until)),
    ...approvers.map((c, i) => approverLoop(c, i, instanceOf(i + 1), ledger, until)),
  ]);
  const secondsTaken = (performance.now() - start) / 1000;
  const after = cpuSnapshot(world.instances);
  return { recorder, seconds: secondsTaken, cpu: before && after ? cpuUse(before, after) : null };
}

// ─── CPU: who used the two cores (Linux /proc; null elsewhere) ─────────────────────────────

interface CpuSnapshot {
  readonly busy: number;
  readonly total: number;
  readonly instances: readonly number[];
  readonly self: number;
  /** Ticks of every process named postgres (the server and its backends), by pid. */
  readonly postgres: ReadonlyMap<number, number>;
}

interface CpuUse {
  /** Share of the whole machine that was busy, 0–1. */
  readonly machineBusy: number;
  /** CPU-seconds per instance, this process, PostgreSQL, and everything else on the machine. */
  readonly instances: readonly number[];
  readonly self: number;
  readonly postgres: number;
  readonly other: number;
  readonly wall: number;
}

const TICKS_PER_SECOND = 100;

function cpuSnapshot(instances: readonly Instance[]): CpuSnapshot | null {
  try {
    const fields = fs
      .readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
    const processTicks = (pid: number | undefined) => {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(after[11]) + Number(after[12]);
    };
    const postgres = new Map<number, number>();
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== 'postgres') continue;
        postgres.set(Number(entry), processTicks(Number(entry)));
      } catch {
        // Gone meanwhile.
      }
    }
    const usage = process.cpuUsage();
    return {
      busy: total - idle,
      total,
      instances: instances.map((i) => processTicks(i.child.pid)),
      self: ((usage.user + usage.system) / 1e6) * TICKS_PER_SECOND,
      postgres,
    };
  } catch {
    return null;
  }
}

function cpuUse(a: CpuSnapshot, b: CpuSnapshot): CpuUse {
  const cores = os.cpus().length;
  const wall = (b.total - a.total) / TICKS_PER_SECOND / cores;
  const instances = b.instances.map((t, i) => (t - a.instances[i]!) / TICKS_PER_SECOND);
  const self = (b.self - a.self) / TICKS_PER_SECOND;
  const busy = (b.busy - a.busy) / TICKS_PER_SECOND;
  let postgresTicks = 0;
  for (const [pid, ticks] of b.postgres) postgresTicks += ticks - (a.postgres.get(pid) ?? 0);
  const postgres = postgresTicks / TICKS_PER_SECOND;
  return {
    machineBusy: busy / Math.max(1e-9, b.total / TICKS_PER_SECOND - a.total / TICKS_PER_SECOND),
    instances,
    self,
    postgres,
    other: Math.max(0, busy - self - postgres - instances.reduce((x, y) => x + y, 0)),
    wall,
  };
}

// ─── The check for lost updates ─────────────────────────────────────────────────────────────

interface Check {
  readonly problems: string[];
  readonly approvedChecked: number;
  readonly racesChecked: number;
  readonly gradesChecked: number;
  readonly photosChecked: number;
  readonly byStatus: Record<string, number>;
}

const DECISIONS = ['price.approved', 'price.adjusted'];

async function checkLostUpdates(database: string, photosDir: string, ledger: Ledger): Promise<Check> {
  const ws = await Workspace.connect(database, photosDir);
  const problems: string[] = [];
  try {
    const items = await ws.kysely
      .selectFrom('items')
      .select(['id', 'reference', 'status', 'grade'])
      .execute();
    const byId = new Map(items.map((i) => [i.id, i]));
    const decisions = new Map<number, number>();
    const events = await ws.kysely
      .selectFrom('events')
      .select(['item_id', 'kind'])
      .where('kind', 'in', DECISIONS)
      .execute();
    for (const e of events)
      if (e.item_id !== null) decisions.set(e.item_id, (decisions.get(e.item_id) ?? 0) + 1);

    for (const [itemId, calls] of ledger.approved) {
      const item = byId.get(itemId);
      const count = decisions.get(itemId) ?? 0;
      if (calls !== 1)
        problems.push(`item ${itemId}: ${calls} approve calls answered ok (a double decision)`);
      if (!item || item.status !== 'approved') {
        problems.push(
          `item ${item?.reference ?? itemId}: approved by a call, ${item?.status ?? 'missing'} in the database`,
        );
      }
      if (count !== 1)
        problems.push(`item ${item?.reference ?? itemId}: ${count} decision events instead of 1`);
    }
    for (const itemId of ledger.lostRaces) {
      const item = byId.get(itemId);
      if (!item || item.status !== 'approved' || decisions.get(itemId) !== 1) {
        problems.push(
          `item ${item?.reference ?? itemId}: an approval lost a race, yet the item is ${item?.status ?? 'missing'} with ${decisions.get(itemId) ?? 0} decision events`,
        );
      }
    }
    for (const [itemId, count] of decisions) {
      if (count > 1) problems.push(`item ${byId.get(itemId)?.reference ?? itemId}: ${count} decision events`);
    }
    for (const [itemId, grade] of ledger.graded) {
      const item = byId.get(itemId);
      if (!item || item.grade !== grade) {
        problems.push(
          `item ${item?.reference ?? itemId}: graded ${grade}, stored ${item?.grade ?? 'missing'}`,
        );
      }
    }
    const photos = await ws.kysely
      .selectFrom('photos')
      .select(['id', 'item_id', 'hash', 'deleted_at'])
      .execute();
    const photoById = new Map(photos.map((p) => [p.id, p]));
    for (const [photoId, itemId] of ledger.photos) {
      const photo = photoById.get(photoId);
      if (!photo || photo.item_id !== itemId || photo.deleted_at !== null) {
        problems.push(
          `photo ${photoId} of item ${itemId}: ${photo ? 'on another item or deleted' : 'no row'}`,
        );
        continue;
      }
      for (const variant of ['listing', 'thumb'] as const) {
        if (!fs.existsSync(ws.photoPath(photo.hash, variant))) {
          problems.push(`photo ${photoId} of item ${itemId}: its ${variant} file is missing`);
        }
      }
    }
    const byStatus: Record<string, number> = {};
    for (const itemId of ledger.graded.keys()) {
      const status = byId.get(itemId)?.status ?? 'missing';
      byStatus[status] = (byStatus[status] ?? 0) + 1;
    }
    return {
      problems,
      approvedChecked: ledger.approved.size,
      racesChecked: ledger.lostRaces.size,
      gradesChecked: ledger.graded.size,
      photosChecked: ledger.photos.size,
      byStatus,
    };
  } finally {
    await ws.close();
  }
}

// ─── Report ─────────────────────────────────────────────────────────────────────────────────

const METHOD_ORDER = [
  'items.list',
  'intake.scan',
  'intake.receive',
  'intake.grade',
  'photos upload',
  'approvals.list',
  'pricing.get',
  'approvals.approve',
];

interface MethodFigures {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

function figures(samples: readonly number[]): MethodFigures {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    max: sorted.at(-1) ?? NaN,
  };
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): void {
  for (const line of tableLines(headers, rows)) write(line);
}

const ms = (v: number) => (Number.isNaN(v) ? '–' : v < 10 ? v.toFixed(1) : v.toFixed(0));

function describeCpu(cpu: CpuUse | null): string {
  if (!cpu) return 'CPU use: not measured (no /proc here).';
  const per = (s: number) => `${((s / Math.max(1e-9, cpu.wall)) * 100).toFixed(0)} %`;
  return (
    `CPU (of one core): instance A ${per(cpu.instances[0] ?? 0)}, instance B ${per(cpu.instances[1] ?? 0)}, ` +
    `PostgreSQL ${per(cpu.postgres)}, this load generator ${per(cpu.self)}, ` +
    `everything else on the machine ${per(cpu.other)}; the machine was ${(cpu.machineBusy * 100).toFixed(0)} % busy`
  );
}

// ─── The benchmark ──────────────────────────────────────────────────────────────────────────

export async function benchLoad(): Promise<void> {
  const loadSeconds = seconds('REBOUND_LOAD_SECONDS', 60);
  const aloneSeconds = seconds('REBOUND_LOAD_ALONE_SECONDS', Math.min(10, loadSeconds));
  thinkMs = Number(process.env.REBOUND_LOAD_THINK_MS ?? 0);
  if (!Number.isFinite(thinkMs) || thinkMs < 0) {
    throw new Error(`REBOUND_LOAD_THINK_MS wants milliseconds, got ${process.env.REBOUND_LOAD_THINK_MS}`);
  }
  const server = await postgres();
  if (typeof server === 'string') {
    write(`skipped: ${server}`);
    return;
  }
  const photosDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-bench-load-'));
  const instances: Instance[] = [];
  let database: { url: string; drop: () => Promise<void> } | null = null;
  try {
    database = await createDatabase(server.url);
    const workspace = ['--database', database.url, '--photos', photosDir];
    const seedStart = performance.now();
    cli(['demo', ...workspace, '--json']);
    write(
      `PostgreSQL: ${server.where}; demo workspace seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s.`,
    );
    // One after the other: if the second fails, the first is in the list and gets stopped.
    instances.push(await startInstance(database.url, photosDir));
    instances.push(await startInstance(database.url, photosDir));
    write(`Two instances of \`rebound server\`: A at ${instances[0]!.origin}, B at ${instances[1]!.origin}.`);

    const setup = new Recorder();
    const admin = await signIn(instances, ADMIN.name, ADMIN.password, setup);
    const merchants = await admin.call<readonly Merchant[]>(instances[0]!, 'merchants.list', {});
    const merchant = merchants.find((m) => m.name === MERCHANT) ?? merchants[0];
    if (!merchant) throw new Error('the demo has no merchant');
    const names = {
      desks: Array.from({ length: DESKS }, (_, i) => `Load desk ${String(i + 1).padStart(2, '0')}`),
      approvers: Array.from({ length: APPROVERS }, (_, i) => `Load approver ${i + 1}`),
    };
    for (const name of names.desks) {
      await admin.call<PersonView>(instances[0]!, 'people.add', { name, role: 'staff', password: PASSWORD });
    }
    for (const name of names.approvers) {
      await admin.call<PersonView>(instances[1]!, 'people.add', {
        name,
        role: 'approver',
        merchantIds: [merchant.id],
        password: PASSWORD,
      });
    }
    const desks: Client[] = [];
    for (const name of names.desks) desks.push(await signIn(instances, name, PASSWORD, setup));
    const approvers: Client[] = [];
    for (const name of names.approvers) approvers.push(await signIn(instances, name, PASSWORD, setup));

    const staff = await signIn(instances, STAFF.name, STAFF.password, setup);
    const products = await staff.call<Paged<Product>>(instances[0]!, 'products.list', {
      merchantId: merchant.id,
      limit: 1000,
    });
    const eans = products.rows.flatMap((p) => (p.ean ? [p.ean] : []));
    if (eans.length === 0) throw new Error(`${merchant.name} has no product with an EAN in the demo`);
    const photos: Buffer[] = [];
    for (let seed = 1; seed <= DISTINCT_PHOTOS; seed += 1)
      photos.push(await sceneJpeg(PHOTO_WIDTH, PHOTO_HEIGHT, seed));
    const photoKb = photos.reduce((sum, p) => sum + p.length, 0) / photos.length / 1024;
    if (setup.errorCount > 0) throw new Error(`setup failed: ${[...setup.failures.keys()].join(', ')}`);
    const world: World = { instances, eans, photos };

    const cpu = os.cpus();
    write(
      `${merchant.name}: ${eans.length} products with an EAN; ${DESKS} desks (staff) and ${APPROVERS} approvers added and signed in.`,
    );
    write(
      `Photos: ${DISTINCT_PHOTOS} different ${PHOTO_WIDTH} × ${PHOTO_HEIGHT} JPEGs, ${photoKb.toFixed(0)} KB on average, one per item.`,
    );
    write(
      `Context: ${cpu.length} CPU${cpu.length === 1 ? '' : 's'} (${cpu[0]?.model ?? 'unknown'}) run both instances, ` +
        `PostgreSQL${process.env.REBOUND_BENCH_POSTGRES ? ' (unless it is elsewhere)' : ''} and this load generator; ` +
        (thinkMs > 0
          ? `every person pauses ${thinkMs / 2}–${(thinkMs * 3) / 2} ms before each call (REBOUND_LOAD_THINK_MS).`
          : 'every loop calls again as soon as it has its answer (no think time): the figures are at saturation.'),
    );

    // The reference: one desk and one approver alone, on different instances.
    const ledger = newLedger();
    write();
    write(`Alone: 1 desk on A and 1 approver on B for ${aloneSeconds} s …`);
    const alone = await runPhase(world, desks.slice(0, 1), approvers.slice(0, 1), ledger, aloneSeconds);
    write(
      `  ${alone.recorder.calls} calls in ${alone.seconds.toFixed(1)} s: ${(alone.recorder.calls / alone.seconds).toFixed(0)} calls/s. ${describeCpu(alone.cpu)}.`,
    );
    write(
      `Load: ${DESKS} desks and ${APPROVERS} approvers, alternating between A and B, for ${loadSeconds} s …`,
    );
    const before = { received: ledger.received, cycles: ledger.cycles, approved: ledger.approved.size };
    const load = await runPhase(world, desks, approvers, ledger, loadSeconds);
    const rec = load.recorder;
    const approvedUnderLoad = ledger.approved.size - before.approved;
    write(
      `  ${rec.calls} calls in ${load.seconds.toFixed(1)} s: ${(rec.calls / load.seconds).toFixed(0)} calls/s; ` +
        `${ledger.received - before.received} items received, ${ledger.cycles - before.cycles} through the whole desk cycle ` +
        `(${((ledger.cycles - before.cycles) / (load.seconds / 60)).toFixed(0)} per minute), ${approvedUnderLoad} approved.`,
    );
    write(`  ${describeCpu(load.cpu)}.`);
    write();

    const methods = [
      ...METHOD_ORDER.filter((m) => rec.samples.has(m)),
      ...[...rec.samples.keys()].filter((m) => !METHOD_ORDER.includes(m)),
    ];
    const results = methods.map((m) => ({
      method: m,
      load: figures(rec.samples.get(m)!),
      alone: figures(alone.recorder.samples.get(m) ?? []),
    }));
    const all = figures([...rec.samples.values()].flat());
    const over = results.filter((r) => r.load.p95 >= TARGET_P95_MS);
    table(
      ['call', 'calls', 'p50', 'p95', 'p99', 'max', 'alone p50', 'alone p95', `p95 < ${TARGET_P95_MS}`],
      [
        ...results.map((r) => [
          r.method,
          String(r.load.count),
          ms(r.load.p50),
          ms(r.load.p95),
          ms(r.load.p99),
          ms(r.load.max),
          ms(r.alone.p50),
          ms(r.alone.p95),
          r.load.p95 < TARGET_P95_MS ? 'ok' : 'OVER',
        ]),
        ['all calls', String(all.count), ms(all.p50), ms(all.p95), ms(all.p99), ms(all.max), '', '', ''],
      ],
    );
    write('(times in ms, from the request sent to the answer read, as the load generator saw them;');
    write(
      ' "alone": the same calls with one desk and one approver, the reference for what a call costs without a queue)',
    );
    write();

    const errors = [...rec.failures.entries(), ...alone.recorder.failures.entries()];
    write(
      `Approval races: ${rec.raceConflicts + alone.recorder.raceConflicts} approvals answered \`conflict\` because another approver decided first (expected; not errors).`,
    );
    if (errors.length === 0) write('Errors: none.');
    else {
      write(`Errors: ${rec.errorCount + alone.recorder.errorCount}`);
      for (const [key, f] of errors.sort((a, b) => b[1].count - a[1].count)) {
        write(`  ${key} ×${f.count}: ${f.message.slice(0, 200)}`);
      }
    }

    const check = await checkLostUpdates(database.url, photosDir, ledger);
    write(
      `Lost-update check: ${check.approvedChecked} approvals reported by calls, ${check.racesChecked} lost races, ` +
        `${check.gradesChecked} grades, ${check.photosChecked} photos (row and files) checked against the database: ` +
        (check.problems.length === 0
          ? 'nothing lost, no double decision.'
          : `${check.problems.length} problems:`),
    );
    for (const problem of check.problems.slice(0, 20)) write(`  ${problem}`);
    if (check.problems.length > 20) write(`  … and ${check.problems.length - 20} more`);
    write(
      `Items the desks received, by status now: ${Object.entries(check.byStatus)
        .sort((a, b) => b[1] - a[1])
        .map(([s, n]) => `${s} ${n}`)
        .join(', ')}.`,
    );
    for (const [index, instance] of instances.entries()) {
      const lines = instance
        .stderr()
        .split('\n')
        .filter((l) => l.trim() && !l.includes('building out/main'));
      if (lines.length > 0) {
        write(
          `Instance ${'AB'[index]} wrote ${lines.length} lines to stderr, first: ${lines[0]!.slice(0, 200)}`,
        );
      }
    }

    const errorTotal = rec.errorCount + alone.recorder.errorCount;
    const met = over.length === 0 && errorTotal === 0 && check.problems.length === 0;
    write();
    write(
      `Goal (p95 < ${TARGET_P95_MS} ms for every call, no errors, no lost update): ${met ? 'MET' : 'NOT MET'} — ` +
        [
          over.length === 0
            ? `every p95 under ${TARGET_P95_MS} ms`
            : `p95 over ${TARGET_P95_MS} ms: ${over.map((r) => `${r.method} ${ms(r.load.p95)} ms`).join(', ')}`,
          `${errorTotal} errors`,
          `${check.problems.length} lost or double updates`,
        ].join('; ') +
        '.',
    );

    const file = saveFigures('load', {
      cpus: cpu.length,
      cpu: cpu[0]?.model ?? null,
      desks: DESKS,
      approvers: APPROVERS,
      seconds: load.seconds,
      calls: rec.calls,
      callsPerSecond: rec.calls / load.seconds,
      cpuUse: load.cpu,
      methods: results,
      all,
      raceConflicts: rec.raceConflicts,
      errors: Object.fromEntries(errors.map(([key, f]) => [key, f])),
      check,
      goalMet: met,
    });
    write(`Figures saved to ${file}.`);
  } finally {
    await Promise.all(instances.map(stopInstance));
    await database?.drop().catch((error: unknown) => write(`Could not drop the database: ${String(error)}`));
    server.stop();
    fs.rmSync(photosDir, { recursive: true, force: true });
  }
}
