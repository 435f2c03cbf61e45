#!/usr/bin/env node
// Fetches Shopify's Admin GraphQL schema (introspection JSON) for the API version Rebound targets,
// for the Shopify test server (tests/shopify/) to validate every operation against.
//
// The schema ships in the npm package @shopify/dev-mcp at `dist/data/admin_<version>.json.gz`.
// That package pulls in the whole Shopify CLI, so it is never a dependency: this script asks npm
// for its tarball alone (`npm pack`, which checks the registry's integrity hash), reads the one
// file out of it with a minimal tar reader, and keeps it in the git-ignored cache:
//
//   .cache/shopify/admin_<version>.json.gz
//
// Both versions are pinned in one place, electron/services/channels/shopify/config.ts
// (SHOPIFY_ADMIN_API_VERSION, SHOPIFY_DEV_MCP_VERSION). Idempotent: a readable cached file is kept
// and nothing is downloaded. `--force` fetches again. Prints the path of the schema.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const ROOT = path.resolve(import.meta.dirname, '..');
const PINS_FILE = path.join(ROOT, 'electron', 'services', 'channels', 'shopify', 'config.ts');
const PACKAGE = '@shopify/dev-mcp';

/** Progress on stdout (CI shows it in the "shopify schema" phase). */
function say(line) {
  process.stdout.write(`${line}\n`);
}

/** Reads `export const NAME = '…';` from config.ts, so the versions live in one place. */
function pin(source, name) {
  const match = new RegExp(`export const ${name} = '([^']+)'`).exec(source);
  if (!match) throw new Error(`${name} is not pinned as a string literal in ${PINS_FILE}`);
  return match[1];
}

const pins = fs.readFileSync(PINS_FILE, 'utf8');
const apiVersion = pin(pins, 'SHOPIFY_ADMIN_API_VERSION');
const devMcpVersion = pin(pins, 'SHOPIFY_DEV_MCP_VERSION');
const entryName = `package/dist/data/admin_${apiVersion}.json.gz`;
const cacheDir = path.join(ROOT, '.cache', 'shopify');
const target = path.join(cacheDir, `admin_${apiVersion}.json.gz`);

/** True when the file is a gzip of an introspection result (the first bytes are enough). */
function readable(file) {
  try {
    const head = zlib.gunzipSync(fs.readFileSync(file)).subarray(0, 64).toString('utf8');
    return /^\{\s*"(data|__schema)"/.test(head);
  } catch {
    return false;
  }
}

/**
 * The body of one entry of an (uncompressed) tar archive: 512-byte headers, each followed by the
 * entry's data padded to 512 bytes. npm tarballs are ustar; names longer than 100 characters use
 * the ustar prefix field or a preceding GNU/pax long-name record, all handled here.
 */
function tarEntry(tar, wanted) {
  let offset = 0;
  let longName = null;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start, length) => {
      const raw = header.subarray(start, start + length);
      const end = raw.indexOf(0);
      return raw.subarray(0, end === -1 ? length : end).toString('utf8');
    };
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1) || '0';
    const prefix = field(345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    const dataStart = offset + 512;
    const data = tar.subarray(dataStart, dataStart + size);
    longName = null;
    if (type === 'L') {
      longName = data.toString('utf8').replace(/\0.*$/s, '');
    } else if (type === 'x') {
      const pathRecord = /\d+ path=([^\n]*)\n/.exec(data.toString('utf8'));
      if (pathRecord) longName = pathRecord[1];
    } else if ((type === '0' || type === '\0') && name === wanted) {
      return Buffer.from(data);
    }
    offset = dataStart + Math.ceil(size / 512) * 512;
  }
  return null;
}

function main() {
  const force = process.argv.includes('--force');
  if (!force && readable(target)) {
    say(`shopify schema: ${path.relative(ROOT, target)} (cached, Admin API ${apiVersion})`);
    return;
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-shopify-schema-'));
  try {
    const spec = `${PACKAGE}@${devMcpVersion}`;
    say(`shopify schema: downloading ${spec} from the npm registry (tarball only)`);
    const packed = execFileSync(
      'npm',
      ['pack', spec, '--pack-destination', work, '--json', '--ignore-scripts', '--silent'],
      {
        cwd: work,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        shell: process.platform === 'win32',
      },
    );
    const [info] = JSON.parse(packed);
    const tarball = path.join(work, info.filename.replace(/^@/, '').replace(/\//g, '-'));
    const file = fs.existsSync(tarball)
      ? tarball
      : path.join(work, fs.readdirSync(work).find((f) => f.endsWith('.tgz')) ?? '');
    const tar = zlib.gunzipSync(fs.readFileSync(file));
    const entry = tarEntry(tar, entryName);
    if (!entry) {
      throw new Error(
        `${spec} has no ${entryName}: pick an Admin API version it ships (see dist/data/) in config.ts`,
      );
    }
    fs.mkdirSync(cacheDir, { recursive: true });
    const partial = `${target}.${process.pid}.partial`;
    fs.writeFileSync(partial, entry);
    if (!readable(partial)) {
      fs.rmSync(partial, { force: true });
      throw new Error(`${entryName} in ${spec} is not a gzipped introspection result`);
    }
    fs.renameSync(partial, target);
    say(`shopify schema: ${path.relative(ROOT, target)} (${entry.length} bytes, Admin API ${apiVersion})`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

try {
  main();
} catch (error) {
  console.error(`shopify schema: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
