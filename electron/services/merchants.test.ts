import { describe, expect, test } from 'vitest';
import { MerchantInput, type ServerEvent } from '../../shared/contract';
import { seedReturnsDesk } from '../../tests/integration/seed';
import { tempWorkspace } from '../../tests/integration/temp';
import { SYSTEM_ACTOR, type Actor } from './actor';
import { createMerchant, getMerchant, listMerchants } from './merchants';
import { getSettings, updateSettings } from './settings';

const admin: Actor = { profileId: null, name: 'Sam (admin)', role: 'admin', merchantIds: [] };

describe('merchants', () => {
  test('an admin signs up a new merchant: it is listed, recorded in the history and announced', async () => {
    const ws = await tempWorkspace();
    const announced: ServerEvent[] = [];
    ws.onEvent((event) => announced.push(event));

    const merchant = await createMerchant(
      ws,
      admin,
      MerchantInput.parse({
        name: '  Nordic Outdoor  ',
        currency: 'SEK',
        language: 'en',
        returnWindowDays: 30,
      }),
    );

    expect(merchant).toEqual({
      id: expect.any(Number),
      name: 'Nordic Outdoor',
      currency: 'SEK',
      language: 'en',
      returnWindowDays: 30,
      address: '',
      itemCount: 0,
    });
    expect(await listMerchants(ws)).toEqual([merchant]);
    expect(announced).toEqual([{ type: 'changed', domains: ['merchants'] }]);
    const history = await ws.kysely.selectFrom('events').selectAll().execute();
    expect(history).toEqual([
      expect.objectContaining({
        merchant_id: merchant.id,
        item_id: null,
        actor: 'Sam (admin)',
        kind: 'merchant.created',
        summary: 'Merchant Nordic Outdoor created',
      }),
    ]);
  });

  test('a second merchant with the same name, in any case, is a conflict and changes nothing', async () => {
    const ws = await tempWorkspace();
    const input = MerchantInput.parse({
      name: 'Velo Shop',
      currency: 'EUR',
      language: 'en',
      returnWindowDays: 14,
    });
    await createMerchant(ws, SYSTEM_ACTOR, input);
    await expect(createMerchant(ws, SYSTEM_ACTOR, { ...input, name: 'VELO SHOP' })).rejects.toMatchObject({
      code: 'conflict',
      message: 'A merchant named “VELO SHOP” already exists.',
    });
    expect(await listMerchants(ws)).toHaveLength(1);
    expect(await ws.kysely.selectFrom('events').selectAll().execute()).toHaveLength(1);
  });

  test('are listed by name with how many returns each has', async () => {
    const ws = await tempWorkspace();
    const desk = await seedReturnsDesk(ws);
    expect((await listMerchants(ws)).map((m) => [m.name, m.itemCount])).toEqual([
      ['Maison Lumière', 1],
      ['Velo Shop', 4],
    ]);
    expect(await getMerchant(ws, desk.merchants.maison)).toMatchObject({
      language: 'fr',
      returnWindowDays: 30,
    });
    await expect(getMerchant(ws, 999)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('settings', () => {
  test('start with no language chosen (each window follows its system) and the system theme, and remember what the user picks', async () => {
    const ws = await tempWorkspace();
    const announced: ServerEvent[] = [];
    ws.onEvent((event) => announced.push(event));
    expect(await getSettings(ws)).toEqual({ language: null, theme: 'auto' });
    expect(await updateSettings(ws, { language: 'de' })).toEqual({ language: 'de', theme: 'auto' });
    expect(await updateSettings(ws, { theme: 'dark' })).toEqual({ language: 'de', theme: 'dark' });
    expect(await getSettings(ws)).toEqual({ language: 'de', theme: 'dark' });
    expect(announced).toEqual([
      { type: 'changed', domains: ['settings'] },
      { type: 'changed', domains: ['settings'] },
    ]);
  });

  test('a value the app no longer knows falls back to the default instead of breaking the screen', async () => {
    const ws = await tempWorkspace();
    await ws.kysely
      .insertInto('settings')
      .values([
        { key: 'language', value: '"klingon"' },
        { key: 'theme', value: '42' },
      ])
      .execute();
    expect(await getSettings(ws)).toEqual({ language: null, theme: 'auto' });
  });
});
