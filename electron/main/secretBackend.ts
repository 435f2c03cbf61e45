/**
 * Which box seals channel secrets in the desktop app. Electron's `safeStorage` is a real keychain
 * on macOS (Keychain) and Windows (DPAPI), and on Linux when it found a secret service (GNOME
 * libsecret, KWallet). Linux's `basic_text` backend encrypts with a key written into Chromium's
 * source, which protects nothing, and `unknown` names no store at all: there the data folder's
 * key file (FileKeySecretBox, secret.key, mode 0600) is the better box.
 */

/** Linux backends that are no keychain: a key written in Chromium's source, or no store at all. */
const NOT_A_KEYCHAIN: ReadonlySet<string> = new Set(['basic_text', 'unknown']);

/**
 * Whether to seal with the OS keychain (KeychainSecretBox) rather than the key file. `backend` is
 * what `safeStorage.getSelectedStorageBackend()` answers, only looked at on Linux (elsewhere pass
 * undefined); a Linux backend that is missing or not a keychain means the key file.
 */
export function usesKeychain(
  platform: NodeJS.Platform,
  isEncryptionAvailable: boolean,
  backend: string | undefined,
): boolean {
  if (!isEncryptionAvailable) return false;
  if (platform !== 'linux') return true;
  return backend !== undefined && !NOT_A_KEYCHAIN.has(backend);
}
