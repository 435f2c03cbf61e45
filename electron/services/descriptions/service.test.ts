import { describe, expect, test } from 'vitest';
import { findHtmlProblems } from '../../../shared/descriptions';
import { tempWorkspace } from '../../../tests/integration/temp';
import { addDefect, addItem, addMerchant, addProduct, addProfile } from '../../../tests/integration/seed';
import type { Actor } from '../actor';
import { dispatch, invoke } from '../api';
import type { Workspace } from '../workspace';
import { getDescriptions, listingText, pruneOverrides, resetDescription, saveDescription } from './service';

const HOSTILE = '<img src=x onerror=alert(1)> & "quotes" </li><script>alert(2)</script>';

/** A French merchant with an opened-box item that has a scratch with a hostile note. */
async function desk(ws: Workspace) {
  const merchant = await addMerchant(ws, { name: 'Maison Lumière', language: 'fr' });
  const product = await addProduct(ws, {
    merchantId: merchant,
    sku: 'ML-LAMP-1',
    brand: 'Lumina',
    model: 'Arc 2',
    title: 'Lumina Arc 2 LED floor lamp, dimmable',
    originalCents: 24900,
    accessories: ['remote control', 'manual'],
  });
  const item = await addItem(ws, {
    merchantId: merchant,
    productId: product,
    reference: 'RB-000042',
    grade: 'lightly_damaged',
    gradedAt: '2026-03-01T09:00:00.000Z',
    status: 'graded',
    accessoriesMissing: ['manual'],
  });
  await ws.kysely
    .updateTable('items')
    .set({ packaging: 'opened_intact', functional_test: 'passed', cleaned: 1 })
    .where('id', '=', item)
    .execute();
  const defect = await addDefect(ws, item, {
    position: 1,
    kind: 'scratch',
    severity: 'minor',
    location: 'base',
    sizeMm: 3,
  });
  await ws.kysely.updateTable('defects').set({ note: HOSTILE }).where('id', '=', defect).execute();
  const staffId = await addProfile(ws, { name: 'Lea Brandt', role: 'staff' });
  const elsewhere = await addMerchant(ws, { name: 'Another Shop' });
  const otherApprover = await addProfile(ws, {
    name: 'Other Approver',
    role: 'approver',
    merchantIds: [elsewhere],
  });
  const staff: Actor = { profileId: staffId, name: 'Lea Brandt', role: 'staff', merchantIds: [] };
  return { merchant, product, item, defect, staff, staffId, otherApprover };
}

async function events(ws: Workspace, itemId: number) {
  return ws.kysely
    .selectFrom('events')
    .select(['kind', 'summary', 'actor', 'data', 'at'])
    .where('item_id', '=', itemId)
    .orderBy('id')
    .execute();
}

describe('descriptions.get', () => {
  test('drafts every language from the facts, each sentence naming its facts', async () => {
    const ws = await tempWorkspace();
    const { item, defect } = await desk(ws);
    const result = await getDescriptions(ws, item);
    expect(result.refusal).toBeNull();
    expect(result.merchantLanguage).toBe('fr');
    expect(result.descriptions.map((d) => d.language)).toEqual(['en', 'fr', 'de']);
    for (const d of result.descriptions) {
      expect(d.kept).toBe(false);
      expect(d.stale).toBe(false);
      expect(d.updatedAt).toBeNull();
      expect(d.conditionEnum).toBe('NEW_WITH_DEFECTS');
      expect(d.conditionId).toBe(1750);
      expect([...d.title].length).toBeLessThanOrEqual(80);
      expect(findHtmlProblems(d.html)).toEqual([]);
      expect(d.sentences.some((s) => s.facts.includes(`defect:${defect}`))).toBe(true);
      expect(d.sentences.some((s) => s.facts.includes('accessory:manual'))).toBe(true);
    }
    const fr = result.descriptions[1];
    expect(fr?.title).toMatch(/Lumina Arc 2/);
    expect(fr?.html).toContain('Pourquoi');
  });

  test('a hostile defect note is escaped in the HTML and kept as plain text in the sentence', async () => {
    const ws = await tempWorkspace();
    const { item, defect } = await desk(ws);
    const [en] = (await getDescriptions(ws, item, 'en')).descriptions;
    expect(en?.html).not.toMatch(/<img|<script|onerror=alert\(1\)>/);
    expect(en?.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(findHtmlProblems(en?.html ?? '')).toEqual([]);
    const sentence = en?.sentences.find((s) => s.facts.includes(`defect:${defect}`));
    expect(sentence?.text).toContain('<img src=x onerror=alert(1)>');
  });

  test('a defective item is refused with a reason, and cannot be edited', async () => {
    const ws = await tempWorkspace();
    const { item, staff } = await desk(ws);
    await ws.kysely.updateTable('items').set({ grade: 'defective' }).where('id', '=', item).execute();
    const result = await getDescriptions(ws, item);
    expect(result.descriptions).toEqual([]);
    expect(result.refusal).toMatchObject({
      reason: 'not_listable',
      message: expect.stringMatching(/defective/),
    });
    await expect(
      saveDescription(ws, staff, { itemId: item, lang: 'fr', title: 'Lampe', conditionDescription: '' }),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/defective/) });
  });

  test('an ungraded item says it must be graded first', async () => {
    const ws = await tempWorkspace();
    const { item } = await desk(ws);
    await ws.kysely.updateTable('items').set({ grade: null }).where('id', '=', item).execute();
    expect((await getDescriptions(ws, item)).refusal?.reason).toBe('not_graded');
  });

  test('an unknown item is not found', async () => {
    const ws = await tempWorkspace();
    await expect(getDescriptions(ws, 404)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('descriptions.save and reset', () => {
  test('a staff edit is kept, recorded with before and after, and survives a reload', async () => {
    const ws = await tempWorkspace();
    const { item, staff } = await desk(ws);
    const draft = (await getDescriptions(ws, item, 'fr')).descriptions[0];
    const saved = await saveDescription(ws, staff, {
      itemId: item,
      lang: 'fr',
      title: '  Lampadaire Lumina Arc 2 – petite rayure  ',
      conditionDescription: 'Petite rayure sur le socle.',
      basedOn: null,
    });
    const fr = saved.descriptions.find((d) => d.language === 'fr');
    expect(fr).toMatchObject({
      kept: true,
      editedBy: 'Lea Brandt',
      stale: false,
      title: 'Lampadaire Lumina Arc 2 – petite rayure',
      conditionDescription: 'Petite rayure sur le socle.',
      html: draft?.html,
    });
    // The other languages are still drafts.
    expect(saved.descriptions.find((d) => d.language === 'en')?.kept).toBe(false);

    const history = await events(ws, item);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      kind: 'description.edited',
      summary: 'Edited the French description',
      actor: 'Lea Brandt',
    });
    const data = JSON.parse(history[0]?.data ?? '{}') as Record<string, unknown>;
    expect(data).toMatchObject({
      language: 'fr',
      changed: ['title', 'conditionDescription'],
      before: { title: draft?.title },
      after: { title: 'Lampadaire Lumina Arc 2 – petite rayure' },
    });

    // What the listing job reads: the kept row.
    const row = await ws.kysely
      .selectFrom('descriptions')
      .selectAll()
      .where('item_id', '=', item)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      language: 'fr',
      kept: 1,
      condition_enum: 'NEW_WITH_DEFECTS',
      condition_id: 1750,
    });

    // What a publishing job would send: the kept French text, the English draft.
    expect(await listingText(ws, item, 'fr')).toMatchObject({
      kept: true,
      title: 'Lampadaire Lumina Arc 2 – petite rayure',
    });
    expect(await listingText(ws, item, 'en')).toMatchObject({ kept: false, conditionId: 1750 });

    // Saving the same text again writes nothing.
    await saveDescription(ws, staff, {
      itemId: item,
      lang: 'fr',
      title: 'Lampadaire Lumina Arc 2 – petite rayure',
      conditionDescription: 'Petite rayure sur le socle.',
    });
    expect(await events(ws, item)).toHaveLength(1);
  });

  test('refuses a title over 80 characters, a condition text over 1000, and unsafe HTML', async () => {
    const ws = await tempWorkspace();
    const { item, staff } = await desk(ws);
    const base = { itemId: item, lang: 'en' as const, title: 'Lamp', conditionDescription: '' };
    await expect(saveDescription(ws, staff, { ...base, title: 'x'.repeat(81) })).rejects.toMatchObject({
      code: 'bad_input',
      message: expect.stringMatching(/81 characters; eBay allows 80/),
    });
    // 80 emoji are 80 characters for eBay, though 160 UTF-16 units.
    await expect(saveDescription(ws, staff, { ...base, title: '😀'.repeat(80) })).resolves.toBeTruthy();
    await expect(
      saveDescription(ws, staff, { ...base, conditionDescription: 'a'.repeat(1001) }),
    ).rejects.toMatchObject({ code: 'bad_input', message: expect.stringMatching(/1,001 characters/) });
    await expect(
      saveDescription(ws, staff, { ...base, html: '<p onclick="x()">Hi</p><script>alert(1)</script>' }),
    ).rejects.toMatchObject({ code: 'bad_input', message: expect.stringMatching(/HTML is not allowed/) });
    await expect(
      saveDescription(ws, staff, { ...base, html: '<p>Fine &amp; safe</p>' }),
    ).resolves.toMatchObject({
      descriptions: expect.arrayContaining([expect.objectContaining({ html: '<p>Fine &amp; safe</p>' })]),
    });
  });

  test('a title is kept on one line: control characters and line breaks become spaces', async () => {
    const ws = await tempWorkspace();
    const { item, staff } = await desk(ws);
    const saved = await saveDescription(ws, staff, {
      itemId: item,
      lang: 'de',
      title: 'Stehleuchte\nArc 2\u0007 – leichte Mängel',
      conditionDescription: '',
    });
    expect(saved.descriptions.find((d) => d.language === 'de')?.title).toBe(
      'Stehleuchte Arc 2 – leichte Mängel',
    );
  });

  test('an edit based on an older version is refused', async () => {
    const ws = await tempWorkspace();
    const { item, staff } = await desk(ws);
    const base = { itemId: item, lang: 'fr' as const, conditionDescription: '' };
    await saveDescription(ws, staff, { ...base, title: 'Première', basedOn: null });
    await expect(
      saveDescription(ws, staff, { ...base, title: 'Seconde', basedOn: null }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/Someone else changed the French description/),
    });
  });

  test('a kept edit turns stale when the grading changes, and reset goes back to the new draft', async () => {
    const ws = await tempWorkspace();
    const { item, staff } = await desk(ws);
    await saveDescription(ws, staff, { itemId: item, lang: 'fr', title: 'Lampe', conditionDescription: '' });
    await ws.kysely.updateTable('items').set({ grade: 'used' }).where('id', '=', item).execute();
    const after = (await getDescriptions(ws, item, 'fr')).descriptions[0];
    expect(after).toMatchObject({ kept: true, stale: true, title: 'Lampe' });
    expect(after?.draft.title).not.toBe('Lampe');

    const reset = await resetDescription(ws, staff, { itemId: item, lang: 'fr' });
    const fr = reset.descriptions.find((d) => d.language === 'fr');
    expect(fr).toMatchObject({ kept: false, stale: false, title: after?.draft.title });
    const history = await events(ws, item);
    expect(history.map((e) => e.summary)).toEqual([
      'Edited the French description',
      'Reset the French description to the generated draft',
    ]);
    expect(JSON.parse(history[1]?.data ?? '{}')).toMatchObject({
      language: 'fr',
      before: { title: 'Lampe' },
    });

    // Resetting a draft records nothing.
    await resetDescription(ws, staff, { itemId: item, lang: 'fr' });
    expect(await events(ws, item)).toHaveLength(2);
  });

  test('through the API: roles are checked and an approver of another merchant is refused', async () => {
    const ws = await tempWorkspace();
    const { item, otherApprover } = await desk(ws);
    const bookkeeper = await addProfile(ws, { name: 'Martin Vogel', role: 'bookkeeper' });
    const input = { itemId: item, lang: 'en', title: 'Lamp', conditionDescription: '' };
    await expect(
      dispatch(ws, 'descriptions.save', input, { via: 'person', personId: bookkeeper }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      dispatch(ws, 'descriptions.save', input, { via: 'person', personId: otherApprover }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      dispatch(ws, 'descriptions.save', { ...input, lang: 'it' }, { via: 'person', personId: bookkeeper }),
    ).rejects.toMatchObject({ code: 'bad_input' });
  });
});

describe('descriptions templates', () => {
  test('a merchant template changes the drafts; only what differs from the defaults is stored', async () => {
    const ws = await tempWorkspace();
    const { merchant, item } = await desk(ws);
    const admin = await addProfile(ws, { name: 'Ada Admin', role: 'admin' });
    const defaults = await invoke(ws, 'descriptions.templates.get', {
      merchantId: merchant,
      lang: 'fr',
    });
    expect(defaults.overrides).toEqual({});
    const result = await invoke(
      ws,
      'descriptions.templates.update',
      {
        merchantId: merchant,
        lang: 'fr',
        template: { heading: 'Pourquoi ce prix <b>?</b>', intro: defaults.defaults.intro },
      },
      { via: 'person', personId: admin },
    );
    expect(result.saved).toBe(true);
    expect(result.template.overrides).toEqual({ heading: 'Pourquoi ce prix <b>?</b>' });
    expect(result.template.updatedBy).toBe('Ada Admin');

    const fr = (await getDescriptions(ws, item, 'fr')).descriptions[0];
    // The merchant's own markup is text, not HTML.
    expect(fr?.html).toContain('<h2>Pourquoi ce prix &lt;b&gt;?&lt;/b&gt;</h2>');
    const en = (await getDescriptions(ws, item, 'en')).descriptions[0];
    expect(en?.html).toContain('Why is it discounted?');

    const event = await ws.kysely
      .selectFrom('events')
      .select(['kind', 'summary', 'merchant_id'])
      .where('kind', '=', 'descriptions.template')
      .executeTakeFirstOrThrow();
    expect(event).toEqual({
      kind: 'descriptions.template',
      summary: 'Changed the French description template',
      merchant_id: merchant,
    });
  });

  test('a template with issues is not stored and its issues come back', async () => {
    const ws = await tempWorkspace();
    const { merchant } = await desk(ws);
    const admin = await addProfile(ws, { name: 'Ada Admin', role: 'admin' });
    const result = await invoke(
      ws,
      'descriptions.templates.update',
      { merchantId: merchant, lang: 'en', template: { priceLine: 'Now {price}!', defectNote: '{nope}' } },
      { via: 'person', personId: admin },
    );
    expect(result.saved).toBe(false);
    expect(result.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'priceLine', code: 'missing_placeholder' }),
        expect.objectContaining({ path: 'defectNote', code: 'unknown_placeholder' }),
      ]),
    );
    expect(result.template.overrides).toEqual({});
    const staff = await addProfile(ws, { name: 'Lea', role: 'staff' });
    await expect(
      dispatch(
        ws,
        'descriptions.templates.update',
        { merchantId: merchant, lang: 'en', template: {} },
        { via: 'person', personId: staff },
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  test('the preview drafts the sample item with the template, in the merchant’s currency', async () => {
    const ws = await tempWorkspace();
    const merchant = await addMerchant(ws, { name: 'Zürich AG', currency: 'CHF', language: 'de' });
    const preview = await invoke(ws, 'descriptions.preview', {
      merchantId: merchant,
      lang: 'de',
      template: { heading: 'Darum günstiger', priceLine: 'Nur {price} statt {originalPrice}' },
    });
    expect(preview.issues).toEqual([]);
    expect(preview.draft?.html).toContain('<h2>Darum günstiger</h2>');
    expect(preview.draft?.title).toMatch(/Lenovo ThinkPad/);
    expect(preview.shopHtml).toMatch(/Nur <strong>.*CHF.*<\/strong> statt <s>/);

    const broken = await invoke(ws, 'descriptions.preview', {
      merchantId: merchant,
      lang: 'de',
      template: { heading: 'x'.repeat(500) },
    });
    expect(broken.draft).toBeNull();
    expect(broken.issues[0]?.path).toBe('heading');
    expect(broken.message).toBeTruthy();
  });

  test('pruneOverrides drops what equals the defaults, keeps the rest', () => {
    expect(
      pruneOverrides(
        { heading: 'Same', intro: 'Changed', defects: { scratch: { minor: 'Same', major: 'New' } } },
        { heading: 'Same', intro: 'Original', defects: { scratch: { minor: 'Same', major: 'Old' } } },
      ),
    ).toEqual({ intro: 'Changed', defects: { scratch: { major: 'New' } } });
  });
});
