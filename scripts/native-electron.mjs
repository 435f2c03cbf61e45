#!/usr/bin/env node
// Builds better-sqlite3 for Electron into .native/electron/, leaving node_modules alone.
//
// Why a second copy: a native addon is compiled against one ABI. node_modules/better-sqlite3 is
// built for Node (by `npm install`), which `npm test`, the CLI and the browser mode need.
// Electron embeds its own Node with a different ABI (NODE_MODULE_VERSION), so the desktop app
// needs its own build. Rebuilding node_modules in place (electron-rebuild's way) would break
// the tests and the CLI until the next rebuild back; two copies side by side let all of them
// work from the same checkout. The main process passes this file to better-sqlite3 as
// `nativeBinding` (electron/main/index.ts → electronNativeBinding()).
//
//   node scripts/native-electron.mjs            build if missing or made for another version
//   node scripts/native-electron.mjs --check    only report; exit 0 if up to date, 1 if not
//   node scripts/native-electron.mjs --force    build even if up to date
//   node scripts/native-electron.mjs --from-source   skip the prebuilt download, compile
//
// The build happens in a temporary copy of the package: node-gyp writes into build/, and doing
// that in node_modules would replace the Node binary — the very thing this script avoids.
//
// Environment:
//   REBOUND_ELECTRON_HEADERS=<dir>  Electron's headers already on disk (offline machines, or a
//                                   mirror unpacked by hand); passed to node-gyp as --nodedir.
//   ELECTRON_OVERRIDE_DIST_PATH     honoured as by the electron package itself.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, '.native', 'electron');
const outFile = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'better_sqlite3.json');
const requireFromRoot = createRequire(path.join(root, 'package.json'));

const args = new Set(process.argv.slice(2));
const checkOnly = args.has('--check');
const force = args.has('--force');
const fromSource = args.has('--from-source');

const say = (text) => process.stdout.write(`native-electron: ${text}\n`);

/** Stops with a message that says what to do, not only what went wrong. */
function fail(text) {
  process.stderr.write(`\nnative-electron: ${text}\n\n`);
  process.exit(1);
}

function packageDir(name) {
  try {
    return path.dirname(requireFromRoot.resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

// ─── What is installed ──────────────────────────────────────────────────────────────────────

const electronDir = packageDir('electron');
const sqliteDir = packageDir('better-sqlite3');
if (!electronDir || !sqliteDir) {
  fail('electron or better-sqlite3 is not in node_modules. Run `npm install` first.');
}
const electronVersion = readJson(path.join(electronDir, 'package.json')).version;
const sqliteVersion = readJson(path.join(sqliteDir, 'package.json')).version;
const abiFile = path.join(electronDir, 'abi_version');
const electronAbi = fs.existsSync(abiFile) ? fs.readFileSync(abiFile, 'utf8').trim() : null;
const platform = process.platform;
const arch = process.arch;

/**
 * Where the electron package put its binary. The package downloads it in its postinstall
 * script; with ELECTRON_SKIP_BINARY_DOWNLOAD, no network or a blocked install script there is
 * no binary, and nothing below can work: no `electron .`, and no check of what we build.
 * Mirrors node_modules/electron/index.js, which throws a less helpful error in that case.
 */
function electronBinary() {
  const pathTxt = path.join(electronDir, 'path.txt');
  const relative = fs.existsSync(pathTxt)
    ? fs.readFileSync(pathTxt, 'utf8').trim()
    : ({ darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' }[platform] ?? 'electron');
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronDir, 'dist');
  const binary = path.join(distDir, relative);
  if (!fs.existsSync(binary)) return null;
  // The dist folder carries the version it was downloaded for; a stale one (package upgraded,
  // binary not) would run with another ABI than the one we would build for.
  const versionFile = path.join(distDir, 'version');
  const distVersion = fs.existsSync(versionFile)
    ? fs.readFileSync(versionFile, 'utf8').trim().replace(/^v/, '')
    : electronVersion;
  return { binary, distVersion };
}

function readStamp() {
  try {
    return readJson(stampFile);
  } catch {
    return null;
  }
}

/** Why the existing build cannot be used, or null when it can. */
function staleReason(stamp) {
  if (!fs.existsSync(outFile)) return 'not built yet';
  if (!stamp) return 'no record of what it was built for';
  if (stamp.electron !== electronVersion) {
    return `built for Electron ${stamp.electron}, installed is ${electronVersion}`;
  }
  if (stamp.betterSqlite3 !== sqliteVersion) {
    return `built from better-sqlite3 ${stamp.betterSqlite3}, installed is ${sqliteVersion}`;
  }
  if (stamp.platform !== platform || stamp.arch !== arch) return `built for ${stamp.platform}-${stamp.arch}`;
  return null;
}

// ─── Decide ─────────────────────────────────────────────────────────────────────────────────

const electron = electronBinary();
const stamp = readStamp();
const reason = force ? 'rebuild requested (--force)' : staleReason(stamp);
const target = `better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}${electronAbi ? ` (ABI ${electronAbi})` : ''} on ${platform}-${arch}`;

// Checked first, before minutes of compiling: without the binary the app cannot start anyway.
const missingBinary =
  "Electron's binary is not installed (node_modules/electron/dist is missing or incomplete):\n" +
  '  its download was skipped or failed during `npm install`, so the desktop app cannot start.\n' +
  (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD
    ? '  ELECTRON_SKIP_BINARY_DOWNLOAD is set in this shell: unset it first.\n'
    : '') +
  '  With network access, run:  npm rebuild electron   (re-runs its download; a fresh checkout gets\n' +
  '  it from `npm install`), then `npm start` again.\n' +
  '  Until then, `npm run serve` runs Rebound in your browser with the same data.';

if (checkOnly) {
  say(`target: ${target}`);
  say(`electron binary: ${electron ? electron.binary : 'MISSING'}`);
  say(`.native build: ${reason ?? `up to date (${path.relative(root, outFile)})`}`);
  if (!electron) fail(missingBinary);
  if (electron.distVersion !== electronVersion) {
    fail(
      `Electron's binary is ${electron.distVersion} but the package is ${electronVersion}: run \`npm rebuild electron\`.`,
    );
  }
  process.exit(reason ? 1 : 0);
}

if (!electron) fail(missingBinary);
if (electron.distVersion !== electronVersion) {
  fail(
    `Electron's binary is version ${electron.distVersion} but the electron package is ${electronVersion}.\n` +
      '  Download the matching binary (network needed): npm rebuild electron',
  );
}
if (!reason) {
  say(`up to date: ${target}`);
  process.exit(0);
}
say(`building ${target} (${reason})`);

// ─── Build ──────────────────────────────────────────────────────────────────────────────────

/**
 * npm passes its configuration to child processes as npm_config_* variables, and node-gyp and
 * prebuild-install read them. Some would silently build for the wrong runtime: a `nodedir` in
 * an .npmrc points node-gyp at Node's headers instead of Electron's, `target`/`runtime`/
 * `disturl` from another project's setup override ours. Those are removed; proxy and
 * certificate settings stay, since the header download may need them.
 */
function buildEnv() {
  const steering = new Set([
    'nodedir',
    'target',
    'target_arch',
    'target_platform',
    'target_libc',
    'arch',
    'platform',
    'runtime',
    'disturl',
    'dist_url',
    'devdir',
    'build_from_source',
    'update_binary',
    'fallback_to_build',
  ]);
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => {
      const match = /^npm_config_(.+)$/i.exec(key);
      return !match || !steering.has(match[1].toLowerCase().replaceAll('-', '_'));
    }),
  );
}

function run(command, commandArgs, cwd, env) {
  say(`$ ${[path.basename(command), ...commandArgs].join(' ')}`);
  const result = spawnSync(command, commandArgs, {
    cwd,
    env,
    stdio: 'inherit',
    // npx is a .cmd file on Windows, which only a shell can start.
    shell: platform === 'win32' && !command.endsWith('.js') && command !== process.execPath,
  });
  return result.status === 0;
}

/** node-gyp: the project's copy (electron-builder brings one), else npm's own, else npm exec. */
function nodeGypCommand() {
  const local = packageDir('node-gyp');
  if (local) return [process.execPath, [path.join(local, 'bin', 'node-gyp.js')]];
  const npmCli = process.env.npm_execpath;
  if (npmCli) {
    const bundled = path.join(path.dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
    if (fs.existsSync(bundled)) return [process.execPath, [bundled]];
  }
  return [platform === 'win32' ? 'npm.cmd' : 'npm', ['exec', '--yes', '--', 'node-gyp']];
}

/**
 * Loads the new binary in Electron itself (as Node, ELECTRON_RUN_AS_NODE) and opens a database:
 * a binary for the wrong ABI fails here with NODE_MODULE_VERSION, not later in the app.
 */
function works(binaryFile) {
  const probe = `
    const Database = require(${JSON.stringify(sqliteDir)});
    const db = new Database(':memory:', { nativeBinding: ${JSON.stringify(binaryFile)} });
    console.log('native-electron: loads in Electron ' + process.versions.electron + ', SQLite ' +
      db.prepare('select sqlite_version() as v').get().v);
    db.close();`;
  const result = spawnSync(electron.binary, ['-e', probe], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: 'inherit',
  });
  return result.status === 0;
}

/** A failure with its explanation; thrown so that the temporary copy is still removed. */
class BuildError extends Error {}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-native-'));
try {
  const copy = path.join(work, 'better-sqlite3');
  // The package without its build/ folder: that holds the Node binary and its objects.
  fs.cpSync(sqliteDir, copy, {
    recursive: true,
    filter: (source) => path.relative(sqliteDir, source).split(path.sep)[0] !== 'build',
  });
  const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
  const env = buildEnv();
  let method = null;

  // 1. The prebuilt binary better-sqlite3 publishes for each Electron ABI: seconds, and no C++
  //    toolchain needed (Visual Studio Build Tools on Windows, Xcode tools on macOS).
  const prebuild = packageDir('prebuild-install') ?? path.join(sqliteDir, 'node_modules', 'prebuild-install');
  if (!fromSource && fs.existsSync(path.join(prebuild, 'bin.js'))) {
    const ok = run(
      process.execPath,
      [
        path.join(prebuild, 'bin.js'),
        '--runtime=electron',
        `--target=${electronVersion}`,
        `--arch=${arch}`,
        `--platform=${platform}`,
      ],
      copy,
      env,
    );
    if (ok && fs.existsSync(built) && works(built)) method = 'prebuilt';
    else say('no usable prebuilt binary; compiling from source instead');
  }

  // 2. Compile against Electron's headers, downloaded once into the same cache electron-builder
  //    uses (~/.electron-gyp).
  if (!method) {
    fs.rmSync(path.join(copy, 'build'), { recursive: true, force: true });
    const headers = process.env.REBOUND_ELECTRON_HEADERS;
    const [command, prefix] = nodeGypCommand();
    const ok = run(
      command,
      [
        ...prefix,
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        `--arch=${arch}`,
        '--runtime=electron',
        '--dist-url=https://electronjs.org/headers',
        headers
          ? `--nodedir=${path.resolve(headers)}`
          : `--devdir=${path.join(os.homedir(), '.electron-gyp')}`,
        '--jobs=max',
      ],
      copy,
      env,
    );
    if (!ok || !fs.existsSync(built)) {
      throw new BuildError(
        `compiling ${target} failed (see node-gyp's output above).\n` +
          '  It needs Python 3 and a C++ compiler: build-essential on Linux, Xcode Command Line Tools on macOS,\n' +
          '  Visual Studio Build Tools ("Desktop development with C++") on Windows — and network access\n' +
          '  to https://electronjs.org/headers for Electron’s headers.',
      );
    }
    if (!works(built))
      throw new BuildError(`the compiled ${target} does not load in Electron (see the error above).`);
    method = 'source';
  }

  // Replace atomically: an interrupted copy must never leave a half-written binary in place.
  fs.mkdirSync(outDir, { recursive: true });
  const partial = `${outFile}.${process.pid}.partial`;
  fs.copyFileSync(built, partial);
  fs.renameSync(partial, outFile);
  fs.writeFileSync(
    stampFile,
    `${JSON.stringify(
      {
        electron: electronVersion,
        abi: electronAbi,
        betterSqlite3: sqliteVersion,
        platform,
        arch,
        method,
        builtAt: new Date().toISOString(),
      },
      null,
      2,
    )}\n`,
  );
  say(`done (${method}): ${path.relative(root, outFile)}`);
} catch (error) {
  if (!(error instanceof BuildError)) throw error;
  process.stderr.write(`\nnative-electron: ${error.message}\n\n`);
  process.exitCode = 1;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
