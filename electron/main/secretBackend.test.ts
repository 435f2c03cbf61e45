import { describe, expect, test } from 'vitest';
import { usesKeychain } from './secretBackend';

describe('which box seals the desktop app’s secrets', () => {
  test('macOS and Windows: the keychain whenever safeStorage can encrypt', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      expect(usesKeychain(platform, true, undefined), platform).toBe(true);
      expect(usesKeychain(platform, false, undefined), platform).toBe(false);
    }
  });

  test('Linux: a secret service is a keychain; basic_text and unknown are not', () => {
    for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']) {
      expect(usesKeychain('linux', true, backend), backend).toBe(true);
    }
    for (const backend of ['basic_text', 'unknown']) {
      expect(usesKeychain('linux', true, backend), backend).toBe(false);
    }
    // Not asked (or no answer): the key file, never a guess.
    expect(usesKeychain('linux', true, undefined)).toBe(false);
    expect(usesKeychain('linux', false, 'gnome_libsecret')).toBe(false);
  });
});
