#!/usr/bin/env node
// Keeps out/main (electron-vite's `main` build: the app's main process, out/main/index.js, and
// the `rebound` command, out/main/cli.js) up to date for bin/rebound.mjs.
//
//   ensureMainBuilt()           what bin/rebound.mjs calls before it imports out/main/cli.js: a
//                               few ms when the build is fresh; otherwise builds once, then returns
//   node scripts/build-main.mjs builds out/main now (`npm run build:main`), without preload or
//                               renderer; `npm run build` builds all three
//
// Fresh means out/main/cli.js exists and no file under electron/ or shared/ (tests aside), nor
// electron.vite.config.ts or package.json, was modified after it. The check stats those files
// (a couple of hundred) and reads no file.
//
// Several processes may find the build missing at the same moment (Playwright workers each
// spawning `rebound serve` in a fresh checkout): one takes out/.build-main.lock and builds, the
// others wait for it and then use its build. The build goes into a folder of its own under out/
// and replaces out/main with two renames, so no process ever loads a half-written out/main.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'out');
const MAIN = path.join(OUT, 'main');
export const BUILT_CLI = path.join(MAIN, 'cli.js');
const LOCK = path.join(OUT, '.build-main.lock');

const SOURCE_DIRS = ['electron', 'shared'];
const SOURCE_FILES = ['electron.vite.config.ts', 'package.json'];
/** Test files are not part of the build: editing one must not cost a rebuild. */
const NOT_BUILT = /\.(test|spec)\.[cm]?[jt]sx?$/;
/** A lock whose owner is alive but this old belongs to a build that hung. */
const LOCK_MAX_AGE_MS = 10 * 60_000;

const say = (line) => process.stderr.write(`rebound: ${line}\n`);
const mtimeOf = (file) => fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;

/**
 * Why out/main must be (re)built, or null when it is fresh. In a copy without sources (only out/
 * and node_modules), the build is what there is: fresh.
 */
export function staleReason() {
  const built = mtimeOf(BUILT_CLI);
  if (built === undefined) return `${path.relative(ROOT, BUILT_CLI)} is missing`;
  const newer = (file) => {
    const mtime = mtimeOf(file);
    return mtime !== undefined && mtime > built;
  };
  for (const name of SOURCE_FILES) {
    const file = path.join(ROOT, name);
    if (newer(file)) return `${name} changed since the last build`;
  }
  const dirs = SOURCE_DIRS.map((name) => path.join(ROOT, name));
  while (dirs.length > 0) {
    const dir = dirs.pop();
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) dirs.push(file);
      else if (!NOT_BUILT.test(entry.name) && newer(file)) {
        return `${path.relative(ROOT, file)} changed since the last build`;
      }
    }
  }
  return null;
}

/**
 * Makes out/main fresh (see the top of this file) and returns the path of out/main/cli.js.
 * `force` builds even a fresh one (`npm run build:main`).
 */
export async function ensureMainBuilt({ force = false } = {}) {
  if (!force && staleReason() === null) return BUILT_CLI;
  let waiting = false;
  for (;;) {
    fs.mkdirSync(OUT, { recursive: true });
    const lock = takeLock();
    if (lock !== null) {
      try {
        // Checked again under the lock: another process may have built it in the meantime.
        const reason = force ? '' : staleReason();
        if (reason !== null) await buildOnce(reason);
      } finally {
        fs.closeSync(lock);
        fs.rmSync(LOCK, { force: true });
      }
      return BUILT_CLI;
    }
    if (!waiting) {
      say('another process is building out/main; waiting for it…');
      waiting = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (!force && staleReason() === null) return BUILT_CLI;
    breakAbandonedLock();
  }
}

/** The lock's file descriptor, or null when another process holds it. */
function takeLock() {
  try {
    const fd = fs.openSync(LOCK, 'wx');
    fs.writeSync(fd, `${process.pid}\n`);
    return fd;
  } catch (error) {
    if (error.code === 'EEXIST') return null;
    throw error;
  }
}

/** Removes the lock if the process that took it is gone (killed mid-build) or hung. */
function breakAbandonedLock() {
  let text;
  let age;
  try {
    text = fs.readFileSync(LOCK, 'utf8');
    age = Date.now() - fs.statSync(LOCK).mtimeMs;
  } catch {
    return; // already released
  }
  const pid = Number.parseInt(text, 10);
  // An empty lock is one being written this very moment (open, then write): give it time.
  if (!Number.isInteger(pid) || pid <= 0) {
    if (age < 10_000) return;
  } else if (age < LOCK_MAX_AGE_MS && isAlive(pid)) {
    return;
  }
  // Only if it is still the same lock (a new owner writes its own pid).
  try {
    if (fs.readFileSync(LOCK, 'utf8') === text) fs.rmSync(LOCK, { force: true });
  } catch {
    // released meanwhile
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Builds into out/.build-main-<pid>/main, then puts that folder in out/main's place. */
async function buildOnce(reason) {
  const started = Date.now();
  const what = 'building out/main (electron-vite: the main process and the CLI only)…';
  say(reason ? `${reason}; ${what}` : what);
  const staging = path.join(OUT, `.build-main-${process.pid}`);
  // What a killed build left behind, and any earlier try of this pid.
  for (const name of fs.readdirSync(OUT)) {
    const pid = /^\.build-main-(\d+)$/.exec(name)?.[1];
    if (pid !== undefined && (Number(pid) === process.pid || !isAlive(Number(pid)))) {
      fs.rmSync(path.join(OUT, name), { recursive: true, force: true });
    }
  }
  try {
    const code = await new Promise((resolve) => {
      // In a process of its own: the build sets process.env.NODE_ENV and loads Vite, neither of
      // which belongs in the CLI that runs afterwards. Its output goes to stderr: stdout is the
      // command's (`--json`).
      const child = spawn(process.execPath, [import.meta.filename, '--into', staging], {
        cwd: ROOT,
        stdio: ['ignore', 2, 2],
      });
      child.on('error', () => resolve(1));
      child.on('exit', (exitCode) => resolve(exitCode ?? 1));
    });
    if (code !== 0) {
      // The build said why (a source that does not compile, or electron-vite not installed:
      // it is a development dependency, `npm install` brings it).
      throw new Error('could not build out/main (see above).');
    }
    // Dated to when the build began: a source saved during the build is newer, and so rebuilt.
    const stamp = new Date(started);
    fs.utimesSync(path.join(staging, 'main', 'cli.js'), stamp, stamp);
    // Another build (`npm run build`, which is not under the lock) may put an out/main back
    // between the two renames: move that aside too and try again.
    for (let attempt = 1; ; attempt += 1) {
      try {
        if (fs.existsSync(MAIN)) fs.renameSync(MAIN, path.join(staging, `old-${attempt}`));
        fs.renameSync(path.join(staging, 'main'), MAIN);
        break;
      } catch (error) {
        if (attempt >= 3 || !['ENOTEMPTY', 'EEXIST', 'EPERM'].includes(error.code)) throw error;
      }
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  say(`built out/main in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

/** The build itself: electron.vite.config.ts's `main` section, into <dir>/main. */
async function build(dir) {
  const { resolveConfig } = await import('electron-vite');
  const { build: viteBuild } = await import('vite');
  // What `electron-vite build` sets before it builds (a production build, no dev server).
  process.env.NODE_ENV_ELECTRON_VITE = 'production';
  const { config } = await resolveConfig(
    { root: ROOT, logLevel: 'warn', build: { outDir: dir } },
    'build',
    'production',
  );
  if (!config.main) throw new Error('electron.vite.config.ts has no `main` section');
  await viteBuild(config.main);
}

// Run as a script (not imported by bin/rebound.mjs): argv[1] may be a symlink, this file's path is real.
if (process.argv[1] && fs.realpathSync(process.argv[1]) === import.meta.filename) {
  const into = process.argv.indexOf('--into');
  if (into > 0) {
    try {
      await build(process.argv[into + 1]);
    } catch (error) {
      // Vite has printed what went wrong; the message again, without a stack of Vite's insides.
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  } else {
    try {
      await ensureMainBuilt({ force: !process.argv.includes('--if-stale') });
    } catch (error) {
      say(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    }
  }
}
