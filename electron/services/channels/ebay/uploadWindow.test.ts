import { describe, expect, test } from 'vitest';
import { addMerchant } from '../../../../tests/integration/seed';
import { tempWorkspace } from '../../../../tests/integration/temp';
import { Workspace } from '../../workspace';
import { releaseUploadSlot, takeUploadSlot } from './uploadWindow';

const T0 = Date.parse('2026-04-01T09:00:00.000Z');

/** A second process on the same workspace: its own connection(s), nothing shared in memory. */
async function secondProcess(ws: Workspace): Promise<Workspace> {
  return ws.db.engine === 'postgres' ? Workspace.connect(ws.db.url, ws.dataDir) : Workspace.open(ws.dataDir);
}

describe('the picture-upload window, shared by every process working an eBay account', () => {
  test('two processes take 50 slots between them in 5 seconds, never 51; answers free them 5 s later', async () => {
    const one = await tempWorkspace();
    const merchantId = await addMerchant(one, { name: 'Velo Shop' });
    const account = await one.kysely
      .insertInto('channel_accounts')
      .values({ merchant_id: merchantId, channel: 'ebay', created_at: 'x', updated_at: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const two = await secondProcess(one);
    try {
      // Both upload at once, alternating, as two server instances would.
      const slots: number[] = [];
      for (let i = 0; i < 25; i += 1) {
        for (const ws of [one, two]) {
          const take = await takeUploadSlot(ws, account.id, T0 + i);
          expect(take.slotId).not.toBeNull();
          slots.push(take.slotId!);
        }
      }
      // The 51st, from either, waits: every slot is in flight.
      expect(await takeUploadSlot(one, account.id, T0 + 100)).toMatchObject({ slotId: null });
      expect(await takeUploadSlot(two, account.id, T0 + 100)).toMatchObject({ slotId: null });
      // eBay answers the first ten at T0 + 1 s: they free one window (and a little) after that.
      for (const id of slots.slice(0, 10)) await releaseUploadSlot(one, id, T0 + 1_000);
      const early = await takeUploadSlot(two, account.id, T0 + 3_000);
      expect(early.slotId).toBeNull();
      expect(early.waitMs).toBeGreaterThanOrEqual(3_000);
      const later = await takeUploadSlot(two, account.id, T0 + 1_000 + early.waitMs + 3_000);
      expect(later.slotId).not.toBeNull();
    } finally {
      await two.close();
    }
  });

  test('an upload whose process died does not hold its slot for ever', async () => {
    const ws = await tempWorkspace();
    const merchantId = await addMerchant(ws, { name: 'Velo Shop' });
    const account = await ws.kysely
      .insertInto('channel_accounts')
      .values({ merchant_id: merchantId, channel: 'ebay', created_at: 'x', updated_at: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 50; i += 1) expect((await takeUploadSlot(ws, account.id, T0)).slotId).not.toBeNull();
    // Never answered (the process was killed): the account is free again after the expiry.
    expect((await takeUploadSlot(ws, account.id, T0 + 60_000)).slotId).toBeNull();
    expect((await takeUploadSlot(ws, account.id, T0 + 130_000)).slotId).not.toBeNull();
    const left = await ws.kysely.selectFrom('media_upload_slots').select('id').execute();
    expect(left.length).toBeLessThanOrEqual(1);
  });
});
