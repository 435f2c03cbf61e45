import { AppError } from '../../../../shared/errors';
import { say } from '../../../../shared/messages';
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../../paths';

/**
 * Seals the eBay cert id and tokens before they reach `channel_accounts.secret`.
 *
 * The first byte of every sealed blob names the box that sealed it, so a blob is never handed
 * to a box that cannot read it without saying why: the desktop app seals with the OS keychain
 * (KeychainSecretBox, built on Electron's `safeStorage` in the main process — services never
 * import electron), the CLI and browser mode with a key file (FileKeySecretBox).
 */
export interface SecretBox {
  seal(plain: Buffer): Buffer;
  open(sealed: Buffer): Buffer;
}

/** Sealed by FileKeySecretBox: AES-256-GCM with the folder's secret.key. */
const VERSION = 1;
/** Sealed by KeychainSecretBox: the OS keychain's ciphertext. */
const KEYCHAIN_KIND = 2;
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
    if (sealed[0] === KEYCHAIN_KIND) {
      throw new AppError(
        'conflict',
        say('channels.secret.keychain_only'),
        undefined,
        'This eBay secret was sealed by the desktop app’s keychain: configure it again from the command line or use the app.',
      );
    }
    if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) {
      throw new AppError('conflict', say('channels.secret.unknown_format'));
    }
    const iv = sealed.subarray(1, 1 + IV_BYTES);
    const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch {
      throw new AppError('conflict', say('channels.secret.wrong_key'));
    }
  }
}

function loadOrCreateKey(file: string): Buffer {
  try {
    const key = fs.readFileSync(file);
    if (key.length !== KEY_BYTES) throw new Error(`${file} is not a ${KEY_BYTES}-byte key.`);
    tightenKeyFile(file);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(KEY_BYTES);
  makePrivateDir(path.dirname(file));
  // `wx`: if another process created the key in between, use theirs rather than overwrite it.
  try {
    fs.writeFileSync(file, key, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateKey(file);
    throw error;
  }
  fs.chmodSync(file, PRIVATE_FILE_MODE); // the umask may have removed bits, never added: make it exact
  return key;
}

/** A key file others may read (restored from a backup, copied by hand) is made owner-only (POSIX). */
function tightenKeyFile(file: string): void {
  if (process.platform === 'win32') return;
  try {
    if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, PRIVATE_FILE_MODE);
  } catch {
    // Not this user's file to change (EPERM, a read-only mount): it is still read as it is.
  }
}

/** Electron's `safeStorage`, as far as the keychain box needs it (injected by the main process). */
export interface Keychain {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

const DIGEST_BYTES = 32;

/**
 * Seals with the OS keychain (macOS Keychain, Windows DPAPI, the Linux secret service), so a
 * copy of the whole data folder is not enough to read the secrets. Opens its own blobs and the
 * key file's, so an account configured from the CLI keeps working in the app (it is sealed with
 * the keychain the next time its tokens are saved).
 *
 * The keychain's ciphertext is not authenticated on every platform (Linux's is AES-CBC), so a
 * SHA-256 of the secret travels inside it: a changed blob is refused rather than read as garbage.
 */
export class KeychainSecretBox implements SecretBox {
  private readonly sealWithKeychain: boolean;

  /**
   * `sealWithKeychain: false` is for a keychain that is no real one (Linux's `basic_text`, see
   * electron/main/secretBackend.ts): new secrets are sealed by the fallback (the key file), and
   * what that keychain sealed before is still opened, so no account has to be set up again.
   */
  constructor(
    private readonly keychain: Keychain,
    private readonly fallback: SecretBox,
    options: { readonly sealWithKeychain?: boolean } = {},
  ) {
    this.sealWithKeychain = options.sealWithKeychain ?? true;
  }

  seal(plain: Buffer): Buffer {
    // The keychain can become unavailable after start-up (a locked Linux keyring): the key file
    // still protects the secret rather than losing it.
    if (!this.sealWithKeychain || !this.keychain.isEncryptionAvailable()) return this.fallback.seal(plain);
    const digest = createHash('sha256').update(plain).digest();
    // safeStorage takes strings: base64 keeps arbitrary bytes intact.
    const encrypted = this.keychain.encryptString(Buffer.concat([digest, plain]).toString('base64'));
    return Buffer.concat([Buffer.from([KEYCHAIN_KIND]), encrypted]);
  }

  open(sealed: Buffer): Buffer {
    if (sealed[0] !== KEYCHAIN_KIND) return this.fallback.open(sealed);
    if (!this.keychain.isEncryptionAvailable()) {
      throw new AppError('conflict', say('channels.secret.keychain_locked'));
    }
    let inner: Buffer;
    try {
      inner = Buffer.from(this.keychain.decryptString(sealed.subarray(1)), 'base64');
    } catch {
      throw new AppError('conflict', say('channels.secret.keychain_unreadable'));
    }
    const digest = inner.subarray(0, DIGEST_BYTES);
    const plain = inner.subarray(DIGEST_BYTES);
    const expected = createHash('sha256').update(plain).digest();
    if (digest.length !== DIGEST_BYTES || !timingSafeEqual(digest, expected)) {
      throw new AppError('conflict', say('channels.secret.changed'));
    }
    return plain;
  }
}
