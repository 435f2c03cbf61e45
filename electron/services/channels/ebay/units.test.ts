/** The eBay channel's pure parts: amounts, the upload bucket, the pasted code, error mapping, the secret box. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../../../../tests/integration/temp';
import { centsOf, ebayAmount } from './adapter';
import { UploadBucket } from './uploadWindow';
import { mapEbayError, RECONNECT_MESSAGE } from './errors';
import { codeFrom } from './oauth';
import { FileKeySecretBox } from './secrets';

const failure = (status: number, data: unknown, headers: Record<string, string> = {}) => ({
  meta: { res: { status, data, headers } },
});

describe('eBay channel units', () => {
  test('cents ↔ eBay amounts without floating point', () => {
    expect(ebayAmount(1299, 'EUR')).toEqual({ value: '12.99', currency: 'EUR' });
    expect(ebayAmount(5, 'USD').value).toBe('0.05');
    expect(ebayAmount(100000, 'USD').value).toBe('1000.00');
    expect(centsOf('42.9')).toBe(4290);
    expect(centsOf('0.07')).toBe(7);
    expect(() => ebayAmount(12.5, 'EUR')).toThrow();
  });

  test('the Media window: 50 uploads, each holding its slot until 5 s after its answer', () => {
    const bucket = new UploadBucket(50, 5_000, 0);
    for (let i = 0; i < 50; i += 1) expect(bucket.take(i * 10)).toBe(0);
    // All 50 in flight: wait a moment and ask again.
    expect(bucket.take(500)).toBe(50);
    for (let i = 0; i < 50; i += 1) bucket.release(600 + i);
    // eBay counts arrivals; an answer at 600 means it arrived by then: free from 5,600 on.
    expect(bucket.take(700)).toBe(4_900);
    expect(bucket.take(5_599)).toBe(1);
    expect(bucket.take(5_600)).toBe(0);
    expect(bucket.take(5_600)).toBe(1);
    const careful = new UploadBucket(1, 5_000, 0, 20);
    expect(careful.take(0)).toBe(0);
    careful.release(100);
    expect(careful.take(5_100)).toBe(20);
  });

  test('the code is taken as given or read from the address the seller landed on', () => {
    expect(codeFrom({ code: ' v^1.1#abc ' })).toBe('v^1.1#abc');
    expect(
      codeFrom({ landedUrl: 'https://example.test/accepted?state=x&code=v%5E1.1%23abc&expires_in=299' }),
    ).toBe('v^1.1#abc');
    expect(() => codeFrom({ landedUrl: 'https://example.test/declined?error=access_denied' })).toThrow(
      /did not grant access \(access_denied\)/,
    );
    expect(() => codeFrom({ landedUrl: 'not a url' })).toThrow(/not a web address/);
    expect(() => codeFrom({})).toThrow(/Paste the code/);
  });

  test('eBay failures map to retryable / user / auth with eBay’s words and Retry-After', () => {
    const now = Date.parse('2026-04-01T09:00:00Z');
    const limited = mapEbayError(
      failure(429, { errors: [{ errorId: 2001, message: 'Too many requests' }] }, { 'retry-after': '30' }),
      'x',
      now,
    );
    expect(limited).toMatchObject({ kind: 'retryable', retryAfterMs: 30_000 });
    expect(
      mapEbayError(failure(500, { errors: [{ errorId: 25001, message: 'System error' }] }), 'x', now),
    ).toMatchObject({
      kind: 'retryable',
      code: '25001',
    });
    expect(
      mapEbayError(failure(503, { errors: [{ errorId: 25025, message: 'Concurrent access' }] }), 'x', now)
        .kind,
    ).toBe('retryable');
    const timeout = Object.assign(new Error('timeout of 30000ms exceeded'), { code: 'ECONNABORTED' });
    expect(mapEbayError(timeout, 'publishing', now)).toMatchObject({
      kind: 'retryable',
      code: 'ECONNABORTED',
    });
    const user = mapEbayError(
      failure(400, {
        errors: [
          {
            errorId: 25709,
            message: 'Invalid value for title',
            longMessage: 'The title is longer than 80 characters.',
          },
        ],
      }),
      'saving the inventory item',
      now,
    );
    expect(user).toMatchObject({ kind: 'user', code: '25709' });
    expect(user.message).toBe(
      'eBay refused saving the inventory item: The title is longer than 80 characters. Correct the item and publish again.',
    );
    expect(
      mapEbayError(failure(400, { error: 'invalid_grant', error_description: 'revoked' }), 'x', now),
    ).toMatchObject({
      kind: 'auth',
      message: RECONNECT_MESSAGE,
    });
  });

  test('the secret box round-trips, refuses tampering, and keeps its key file at 0600', () => {
    const dir = tempDir();
    const box = new FileKeySecretBox(dir);
    const sealed = box.seal(Buffer.from('PRD-cert-id'));
    expect(sealed.includes(Buffer.from('PRD-cert-id'))).toBe(false);
    expect(new FileKeySecretBox(dir).open(sealed).toString()).toBe('PRD-cert-id');
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(() => box.open(tampered)).toThrow(/cannot be decrypted/);
    expect(fs.statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(() => new FileKeySecretBox(tempDir()).open(sealed)).toThrow(/cannot be decrypted/);
  });
});
