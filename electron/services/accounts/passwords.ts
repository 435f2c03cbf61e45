import crypto from 'node:crypto';
import { promisify } from 'node:util';

/*
 * Passwords are stored as `scrypt$N$r$p$<salt>$<key>` (base64url): scrypt is memory-hard (here
 * 32 MiB per hash, so guessing on graphics cards costs memory, not just cycles), and Node runs
 * its asynchronous form on libuv's thread pool, off the thread that answers calls. The cost
 * parameters are stored with each hash, so raising them later still verifies older ones.
 */

const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
/** scrypt needs 128·N·r bytes; Node's default ceiling is exactly that, so leave room. */
const MAX_MEMORY = 256 * 1024 * 1024;

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...COST, maxmem: MAX_MEMORY });
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Constant-time comparison; a stored value this version cannot read never matches. */
export async function passwordMatches(password: string, stored: string | null): Promise<boolean> {
  const parts = (stored ?? '').split('$');
  const [scheme, n, r, p, saltText, keyText] = parts;
  if (parts.length !== 6 || scheme !== 'scrypt' || !saltText || !keyText) return false;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (![cost.N, cost.r, cost.p].every((v) => Number.isSafeInteger(v) && v > 0)) return false;
  const expected = Buffer.from(keyText, 'base64url');
  if (expected.length !== KEY_LENGTH) return false;
  const key = await scrypt(password.normalize('NFC'), Buffer.from(saltText, 'base64url'), KEY_LENGTH, {
    ...cost,
    maxmem: MAX_MEMORY,
  });
  return crypto.timingSafeEqual(key, expected);
}

/**
 * What a failed sign-in for an unknown name costs: the same scrypt work as a wrong password,
 * so the time of the answer does not tell which names exist.
 */
let dummyHash: Promise<string> | null = null;
export async function spendLikeAVerification(password: string): Promise<void> {
  dummyHash ??= hashPassword('not anybody’s password');
  await passwordMatches(password, await dummyHash);
}
