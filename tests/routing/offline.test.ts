import { afterEach, expect, test, vi } from 'vitest';
import sharp from 'sharp';
import { lookForLabel } from '../../electron/services/routing/readLabel';

/**
 * zxing-wasm fetches its .wasm from a CDN unless told otherwise. In its own file, so that the
 * reader is loaded here for the first time, with the network door watched.
 */

afterEach(() => {
  vi.unstubAllGlobals();
});

test('the barcode reader loads from the installed package, never from the network', async () => {
  const fetch = vi.fn(() => Promise.reject(new Error('no network at this desk')));
  vi.stubGlobal('fetch', fetch);
  const { toBuffer } = await import('bwip-js/node');
  const { data, info } = await sharp(await toBuffer({ bcid: 'qrcode', text: 'RB-000042', scale: 6 }))
    .flatten({ background: '#ffffff' })
    .extend({ top: 40, bottom: 40, left: 40, right: 40, background: '#ffffff' })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  expect(info.channels).toBe(1);
  expect(await lookForLabel({ data, width: info.width, height: info.height, channels: 1 })).toEqual({
    label: { reference: 'RB-000042', format: 'QRCode' },
    unread: [],
  });
  expect(fetch).not.toHaveBeenCalled();
});
