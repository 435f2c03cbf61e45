import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../../../../tests/integration/temp';
import { FileKeySecretBox, KeychainSecretBox, type Keychain } from './secrets';

/**
 * A stand-in for Electron's safeStorage: AES-256-CBC with a key of its own, unauthenticated like
 * Chromium's Linux backend, so tampering shows up as garbage or a padding error, never as an
 * error the box could rely on.
 */
class FakeKeychain implements Keychain {
  private readonly key = randomBytes(32);
  available = true;
  calls = 0;

  isEncryptionAvailable(): boolean {
    return this.available;
  }
  encryptString(plain: string): Buffer {
    this.calls += 1;
    const iv = randomBytes(16);
    const cipher = createCipheriv('aes-256-cbc', this.key, iv);
    return Buffer.concat([Buffer.from('v10'), iv, cipher.update(plain, 'utf8'), cipher.final()]);
  }
  decryptString(encrypted: Buffer): string {
    if (encrypted.subarray(0, 3).toString() !== 'v10') throw new Error('not a v10 blob');
    const decipher = createDecipheriv('aes-256-cbc', this.key, encrypted.subarray(3, 19));
    return Buffer.concat([decipher.update(encrypted.subarray(19)), decipher.final()]).toString('utf8');
  }
}

const SECRET = Buffer.from(JSON.stringify({ certId: 'PRD-cert-id', refreshToken: 'v^1.1#i^1' }), 'utf8');

describe('KeychainSecretBox', () => {
  test('seals with the keychain (kind byte 2, no clear text) and opens its own blobs', () => {
    const keychain = new FakeKeychain();
    const box = new KeychainSecretBox(keychain, new FileKeySecretBox(tempDir()));
    const sealed = box.seal(SECRET);
    expect(sealed[0]).toBe(2);
    expect(keychain.calls).toBe(1);
    expect(sealed.includes(Buffer.from('PRD-cert-id'))).toBe(false);
    expect(box.open(sealed).equals(SECRET)).toBe(true);
    // Any bytes survive the keychain's string interface.
    const binary = randomBytes(300);
    expect(box.open(box.seal(binary)).equals(binary)).toBe(true);
  });

  test('opens what the key file box sealed (a secret configured from the CLI)', () => {
    const dir = tempDir();
    const fromCli = new FileKeySecretBox(dir).seal(SECRET);
    expect(fromCli[0]).toBe(1);
    const box = new KeychainSecretBox(new FakeKeychain(), new FileKeySecretBox(dir));
    expect(box.open(fromCli).equals(SECRET)).toBe(true);
  });

  test('the key file box refuses a keychain blob with a clear message', () => {
    const dir = tempDir();
    const sealed = new KeychainSecretBox(new FakeKeychain(), new FileKeySecretBox(dir)).seal(SECRET);
    expect(() => new FileKeySecretBox(dir).open(sealed)).toThrow(
      /sealed by the desktop app’s keychain: configure it again from the command line or use the app/,
    );
  });

  test('a changed blob is refused, never read as garbage', () => {
    const box = new KeychainSecretBox(new FakeKeychain(), new FileKeySecretBox(tempDir()));
    const sealed = box.seal(SECRET);
    for (const at of [5, 20, sealed.length - 20, sealed.length - 1]) {
      const tampered = Buffer.from(sealed);
      tampered[at] = tampered[at]! ^ 0x01;
      expect(() => box.open(tampered), `byte ${at}`).toThrow(
        /cannot read the stored eBay secret|has been changed/,
      );
    }
    // Another keychain (another user, another machine) cannot read it either.
    const other = new KeychainSecretBox(new FakeKeychain(), new FileKeySecretBox(tempDir()));
    expect(() => other.open(sealed)).toThrow(/cannot read the stored eBay secret|has been changed/);
  });

  test('a keychain that is no real one (Linux basic_text): seals with the key file, still opens its old blobs', () => {
    const dir = tempDir();
    const keychain = new FakeKeychain();
    const before = new KeychainSecretBox(keychain, new FileKeySecretBox(dir)).seal(SECRET);
    expect(before[0]).toBe(2);
    const box = new KeychainSecretBox(keychain, new FileKeySecretBox(dir), { sealWithKeychain: false });
    const sealed = box.seal(SECRET);
    expect(sealed[0]).toBe(1);
    expect(keychain.calls).toBe(1);
    // The key file alone opens the new blob, and what the keychain sealed before still opens.
    expect(new FileKeySecretBox(dir).open(sealed).equals(SECRET)).toBe(true);
    expect(box.open(before).equals(SECRET)).toBe(true);
  });

  test('a keychain that is not available: seals with the key file, refuses its own blobs plainly', () => {
    const keychain = new FakeKeychain();
    const box = new KeychainSecretBox(keychain, new FileKeySecretBox(tempDir()));
    const sealed = box.seal(SECRET);
    keychain.available = false;
    expect(() => box.open(sealed)).toThrow(/keychain, which is not available now/);
    const fallback = box.seal(SECRET);
    expect(fallback[0]).toBe(1);
    expect(box.open(fallback).equals(SECRET)).toBe(true);
  });
});
