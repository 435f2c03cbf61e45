// A throwaway PostgreSQL cluster for the tests (scripts/test.mjs), or for trying the server:
//
//   node scripts/postgres-cluster.mjs      starts one, prints its address and waits; Ctrl-C stops it
//
// The cluster lives in a fresh temporary folder, listens on 127.0.0.1 only, on a free port, and
// is removed when stopped. initdb refuses to run as root, so as root the cluster belongs to the
// unprivileged `postgres` user (Debian's package creates it). Durability is switched off: the
// tests create and drop hundreds of databases, and nothing in them outlives the run.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const CANDIDATE_BINS = [
  '/usr/lib/postgresql/17/bin',
  '/usr/lib/postgresql/16/bin',
  '/usr/lib/postgresql/15/bin',
];

/** The folder holding initdb and pg_ctl: PG_BIN, Debian's versioned folders, or the PATH. */
export function findPostgresBin(env = process.env) {
  if (env.PG_BIN && fs.existsSync(path.join(env.PG_BIN, 'initdb'))) return env.PG_BIN;
  const debian = CANDIDATE_BINS.find((dir) => fs.existsSync(path.join(dir, 'initdb')));
  if (debian) return debian;
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  return found.status === 0 ? path.dirname(found.stdout.trim()) : null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function asOwner(command, args) {
  const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Starts a cluster; resolves to { url, stop }. `url` is postgres://postgres@127.0.0.1:PORT/postgres
 * (trust authentication, loopback only); `stop()` shuts it down and removes its folder.
 */
export async function startCluster(bin = findPostgresBin()) {
  if (!bin) throw new Error('PostgreSQL is not installed (Debian: apt-get install postgresql)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-pg-'));
  fs.chmodSync(dir, 0o755);
  if (isRoot) execFileSync('chown', ['postgres', dir]);
  const data = path.join(dir, 'data');
  const port = await freePort();
  asOwner(path.join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  const options = [
    `-c listen_addresses=127.0.0.1`,
    `-c port=${port}`,
    `-c unix_socket_directories=${dir}`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=300',
  ].join(' ');
  asOwner(path.join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    '-o',
    options,
    'start',
  ]);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dir,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        asOwner(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cluster = await startCluster();
  process.stdout.write(`${cluster.url}\n`);
  const stop = () => {
    cluster.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => {}, 1 << 30);
}
