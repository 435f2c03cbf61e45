import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Seals the eBay cert id and tokens before they reach `channel_accounts.secret`.
 *
 * The Electron app can later pass a box built on `safeStorage` (OS keychain) through this same
 * interface; services never import electron, so that wiring belongs in the main process.
 */
export interface SecretBox {
  seal(plain: Buffer): Buffer;
  open(sealed: Buffer): Buffer;
}

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/**
 * AES-256-GCM with a random key kept in `<dataDir>/secret.key` (mode 0600), for plain Node (CLI,
 * browser mode). This protects against someone copying the database file alone (a backup, a
 * support bundle); it does NOT protect against someone who has the whole data folder, key included.
 */
export class FileKeySecretBox implements SecretBox {
  private readonly key: Buffer;

  constructor(dataDir: string) {
    this.key = loadOrCreateKey(path.join(dataDir, 'secret.key'));
  }

  seal(plain: Buffer): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
  }

  open(sealed: Buffer): Buffer {
    if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) {
      throw new Error('The stored channel secret is not in a format this version can read.');
    }
    const iv = sealed.subarray(1, 1 + IV_BYTES);
    const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch (error) {
      throw new Error(
        'The stored channel secret cannot be decrypted with this folder’s secret.key (was the key replaced?). Configure the account again.',
        { cause: error },
      );
    }
  }
}

function loadOrCreateKey(file: string): Buffer {
  try {
    const key = fs.readFileSync(file);
    if (key.length !== KEY_BYTES) throw new Error(`${file} is not a ${KEY_BYTES}-byte key.`);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(KEY_BYTES);
  // `wx`: if another process created the key in between, use theirs rather than overwrite it.
  try {
    fs.writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateKey(file);
    throw error;
  }
  fs.chmodSync(file, 0o600); // the umask may have removed bits, never added: make it exact
  return key;
}
