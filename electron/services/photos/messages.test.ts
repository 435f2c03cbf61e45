import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type StoredMessage } from '../../../shared/messages';
import { renderMessage } from '../../../shared/messages/render';
import { addDefect, addItem, addMerchant, addProduct, addProfile } from '../../../tests/integration/seed';
import { tempWorkspace } from '../../../tests/integration/temp';
import { failure } from '../../../tests/support/failure';
import { pngClaiming, sceneJpeg } from '../../../tests/support/images';
import type { Actor } from '../actor';
import { invoke } from '../api';
import { addPhotos, PhotoPool } from './index';

/**
 * A French photo desk: the files it refuses say why in French (the decoder's reason travels as a
 * code from the worker thread), and the item's history of photos reads in French too.
 */

let pool: PhotoPool;
let good: Buffer;
let small: Buffer;

beforeAll(async () => {
  pool = new PhotoPool({ size: 1 });
  [good, small] = await Promise.all([sceneJpeg(1200, 900, 7), sceneJpeg(400, 300, 8)]);
});

afterAll(async () => {
  await pool.close();
});

async function desk() {
  const ws = await tempWorkspace();
  const merchantId = await addMerchant(ws, { name: 'Atelier Vélo' });
  const productId = await addProduct(ws, {
    merchantId,
    sku: 'AV-LAMPE',
    title: 'Lampe avant',
    originalCents: 8990,
  });
  const itemId = await addItem(ws, {
    merchantId,
    productId,
    reference: 'RB-000321',
    grade: 'used',
    status: 'graded',
  });
  const staffId = await addProfile(ws, { name: 'Léa Martin', role: 'staff' });
  const actor: Actor = { profileId: staffId, name: 'Léa Martin', role: 'staff', merchantIds: [] };
  return { ws, itemId, staffId, actor };
}

const fr = (text: StoredMessage | undefined) => renderMessage(text!, 'fr');

describe('the photo desk speaks French', () => {
  test('each refused file says why in French; the one that went in is in the history', async () => {
    const { ws, itemId, actor } = await desk();
    const truncated = good.subarray(0, Math.floor(good.length / 3));
    const results = await addPhotos(
      ws,
      actor,
      itemId,
      [
        { name: 'vide.jpg', bytes: new Uint8Array(0), source: 'drop' },
        {
          name: 'notes.jpg',
          bytes: new TextEncoder().encode('pas une image, juste du texte'),
          source: 'drop',
        },
        { name: 'bombe.png', bytes: pngClaiming(100_000, 100_000), source: 'drop' },
        { name: 'vignette.jpg', bytes: small, source: 'drop' },
        { name: 'coupee.jpg', bytes: truncated, source: 'drop' },
        { name: 'face.jpg', bytes: good, source: 'drop' },
      ],
      undefined,
      { pool },
    );

    const refused = results.flatMap((r) => (r.ok ? [] : [r]));
    expect(refused.map((r) => [r.name, r.code, r.text.code])).toEqual([
      ['vide.jpg', 'empty', 'photos.empty'],
      ['notes.jpg', 'not_an_image', 'photos.not_an_image'],
      ['bombe.png', 'too_many_pixels', 'photos.too_many_pixels'],
      ['vignette.jpg', 'too_small', 'photos.too_small'],
      ['coupee.jpg', 'corrupt', expect.stringMatching(/^photos\.(truncated|corrupt|corrupt_undecodable)$/)],
    ]);
    const [empty, text, bomb, tiny] = refused;
    expect(fr(empty!.text)).toBe('Le fichier est vide (0 octet).');
    expect(fr(text!.text)).toBe('Ce fichier n’est pas une image.');
    expect(fr(bomb!.text)).toBe(
      'L’image annonce 100\u202f000 × 100\u202f000 pixels, plus que les 100 mégapixels acceptés.',
    );
    expect(fr(tiny!.text)).toBe(
      'L’image fait 400 × 300 pixels ; les places de marché exigent au moins 500 px sur le grand côté.',
    );
    // The English sentence stays beside it, for logs and `--json`.
    expect(tiny!.reason).toBe(
      'The image is 400 × 300 pixels; marketplaces need at least 500 px on the long side.',
    );

    const event = await ws.kysely
      .selectFrom('events')
      .select(['summary', 'data'])
      .where('item_id', '=', itemId)
      .where('kind', '=', 'photos.added')
      .executeTakeFirstOrThrow();
    const added = (JSON.parse(event.data) as { text: StoredMessage }).text;
    expect(event.summary).toBe('1 photo added');
    expect(fr(added)).toBe('1 photo ajoutée');
    expect(renderMessage({ ...added, params: { count: 3 } }, 'de')).toBe('3 Fotos hinzugefügt');
  });

  test('managing photos: the history and the refusals read in French', async () => {
    const { ws, itemId, actor, staffId } = await desk();
    const results = await addPhotos(
      ws,
      actor,
      itemId,
      [
        { name: 'face.jpg', bytes: good, source: 'drop' },
        { name: 'dos.jpg', bytes: await sceneJpeg(1200, 900, 9), source: 'drop' },
      ],
      undefined,
      { pool },
    );
    const [first, second] = results.map((r) => (r.ok ? r.photoId : -1));
    const person = { via: 'person', personId: staffId } as const;
    const defectId = await addDefect(ws, itemId, { position: 0, kind: 'scratch', severity: 'minor' });

    await invoke(ws, 'photos.setMain', { photoId: second! }, person);
    await invoke(ws, 'photos.linkDefect', { defectId, photoId: second! }, person);
    await invoke(ws, 'photos.delete', { photoId: first! }, person);
    const refused = await failure(invoke(ws, 'photos.setMain', { photoId: first! }, person));
    expect(refused.code).toBe('conflict');
    expect(refused.text?.code).toBe('photos.deleted_restore_first');
    expect(fr(refused.text ?? undefined)).toBe('Cette photo a été supprimée ; restaurez-la d’abord.');
    const missing = await failure(invoke(ws, 'photos.delete', { photoId: 999_999 }, person));
    expect(fr(missing.text ?? undefined)).toBe('Aucune photo n’a l’identifiant 999\u202f999.');

    const rows = await ws.kysely
      .selectFrom('events')
      .select(['kind', 'summary', 'data'])
      .where('item_id', '=', itemId)
      .orderBy('id')
      .execute();
    const lines = rows.map((row) => ({
      kind: row.kind,
      en: row.summary,
      fr: fr((JSON.parse(row.data) as { text?: StoredMessage }).text),
    }));
    expect(lines).toEqual([
      { kind: 'photos.added', en: '2 photos added', fr: '2 photos ajoutées' },
      // The seeded item has a grade but no packaging recorded: pricing says why it did not follow.
      {
        kind: 'price.not_proposed',
        en: 'No price proposed: Item RB-000321 has not been graded yet: grade it before pricing.',
        fr: 'Aucun prix proposé : L’article RB-000321 n’a pas encore été contrôlé : contrôlez-le avant de lui donner un prix.',
      },
      { kind: 'photos.main', en: 'Main photo: dos.jpg', fr: 'Photo principale : dos.jpg' },
      {
        kind: 'photos.defectLinked',
        en: 'Defect Scratch: photo linked',
        fr: 'Défaut « Rayure » : photo associée',
      },
      { kind: 'photos.deleted', en: 'Photo deleted: face.jpg', fr: 'Photo supprimée : face.jpg' },
    ]);
  });
});
