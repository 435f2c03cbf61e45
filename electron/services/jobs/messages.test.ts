import { describe, expect, test } from 'vitest';
import { type StoredMessage } from '../../../shared/messages';
import { renderMessage } from '../../../shared/messages/render';
import { addItem, addMerchant, addPrice, addProduct } from '../../../tests/integration/seed';
import { tempWorkspace } from '../../../tests/integration/temp';
import { ManualClock, ManualScheduler, MemoryChannel, testEnvironment } from '../../../tests/support/jobs';
import { dispatch, invoke } from '../api';
import { ChannelError } from '../channels/channel';
import { entryFailure, mapEbayError } from '../channels/ebay/errors';
import { configureJobs } from '../channels/registry';
import type { Workspace } from '../workspace';
import { JobRunner } from './runner';

/**
 * What the channels and their jobs say reaches a French desk in French: the history of a listing
 * from queued to sold, a refusal, and a failed publish whose reason keeps eBay's own words.
 */

const T0 = Date.parse('2026-04-01T09:00:00.000Z');

async function setUp() {
  const ws = await tempWorkspace();
  const clock = new ManualClock(T0);
  const ebay = new MemoryChannel('ebay', clock);
  const env = testEnvironment(ws, clock, [ebay]);
  configureJobs(ws, env);
  const runner = new JobRunner(ws, {
    env,
    scheduler: new ManualScheduler(clock),
    random: () => 0,
    backoff: { baseMs: 1_000, maxMs: 60_000 },
    salesPollMs: 0,
    workerId: 'test-worker',
  });
  return { ws, ebay, runner };
}

async function approvedItem(ws: Workspace) {
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
    reference: 'RB-000777',
    grade: 'opened_packaging',
    status: 'approved',
  });
  await addPrice(ws, itemId, { originalCents: 8990, proposedCents: 7490, decision: 'auto_approved' });
  return itemId;
}

async function history(ws: Workspace, itemId: number) {
  const rows = await ws.kysely
    .selectFrom('events')
    .select(['kind', 'summary', 'data'])
    .where('item_id', '=', itemId)
    .orderBy('id')
    .execute();
  return rows.map((row) => {
    const data = JSON.parse(row.data) as { text?: StoredMessage };
    return { kind: row.kind, summary: row.summary, text: data.text ?? null };
  });
}

const french = (text: StoredMessage | null | undefined) => (text ? renderMessage(text, 'fr') : null);

describe('the channels speak French to a French desk', () => {
  test('a listing’s day, from queued to sold, reads in French with French amounts', async () => {
    const { ws, runner } = await setUp();
    const itemId = await approvedItem(ws);
    await invoke(ws, 'channels.publish', { itemIds: [itemId], channels: ['practice'] });
    await runner.runDue();
    await invoke(ws, 'practice.buy', { itemId });
    await invoke(ws, 'channels.sync', {});
    await runner.runDue();

    const lines = await history(ws, itemId);
    const line = (kind: string) => lines.find((l) => l.kind === kind);
    expect(line('listing.queued')?.text?.code).toBe('channels.queued');
    expect(line('listing.queued')?.summary).toBe('Queued for the practice marketplace at €74.90');
    expect(french(line('listing.queued')?.text)).toMatch(
      /^Mis en file d’attente pour la place de marché d’entraînement à 74,90\s€$/,
    );
    expect(french(line('listing.published')?.text)).toMatch(
      /^Mis en vente sur la place de marché d’entraînement à 74,90\s€$/,
    );
    expect(line('sale.recorded')?.text?.code).toMatch(/^jobs\.sale_recorded/);
    expect(french(line('sale.recorded')?.text)).toMatch(
      /^Vendu sur la place de marché d’entraînement pour 74,90\s€ \+ .+ de livraison/,
    );
    expect(renderMessage(line('sale.recorded')!.text!, 'de')).toMatch(
      /^Für 74,90\s€ \+ .+ Versand auf dem Übungsmarktplatz .*verkauft \(Bestellung .+\)$/,
    );
    // Every line of the day was written as a message, none as an English sentence only.
    expect(lines.filter((l) => l.text === null).map((l) => l.kind)).toEqual(
      lines.filter((l) => !/^(listing|sale|practice)\./.test(l.kind)).map((l) => l.kind),
    );
  });

  test('a refusal says what was refused in the reader’s language', async () => {
    const { ws, runner } = await setUp();
    const itemId = await approvedItem(ws);
    const [queued] = await invoke(ws, 'channels.publish', { itemIds: [itemId], channels: ['practice'] });
    await runner.runDue();
    const error = (await dispatch(ws, 'channels.retry', { listingId: queued!.listingId! }).then(
      () => null,
      (e: unknown) => e,
    )) as { code: string; message: string; text: StoredMessage };
    expect(error).toMatchObject({ code: 'conflict', text: { code: 'channels.retry_not_failed' } });
    expect(error.message).toBe(
      'RB-000777’s listing on the practice marketplace is “Live”; only a failed listing can be retried.',
    );
    expect(french(error.text)).toBe(
      'L’annonce de RB-000777 sur la place de marché d’entraînement est « En ligne » : seule une annonce en échec peut être relancée.',
    );

    // Publishing again where it is already live is left alone, and says so in French.
    const [again] = await invoke(ws, 'channels.publish', { itemIds: [itemId], channels: ['practice'] });
    expect(again).toMatchObject({ outcome: 'already', message: 'Already live on the practice marketplace.' });
    expect(french(again!.text)).toBe('Déjà en ligne sur la place de marché d’entraînement.');
  });

  test('a failed publish explains in French and keeps eBay’s own words verbatim', async () => {
    const { ws, ebay, runner } = await setUp();
    const itemId = await approvedItem(ws);
    const remote = 'The item title is longer than 80 characters.';
    const refusal = mapEbayError(
      entryFailure(400, [{ errorId: 25718, longMessage: remote }]),
      'publishing RB-000777',
      T0,
    );
    expect(refusal).toBeInstanceOf(ChannelError);
    ebay.failNext('upsert', refusal);
    await invoke(ws, 'channels.publish', { itemIds: [itemId], channels: ['ebay'] });
    expect(await runner.runOnce()).toMatchObject({ status: 'failed' });

    const detail = await invoke(ws, 'items.get', { id: itemId });
    const failed = detail.listings.find((l) => l.channel === 'ebay')!;
    expect(failed.status).toBe('failed');
    expect(failed.lastError).toBe(
      `eBay refused publishing RB-000777: ${remote} Correct the item and publish again.`,
    );
    expect(failed.lastErrorText?.code).toBe('channels.remote.refused_item');
    expect(french(failed.lastErrorText)).toBe(
      `eBay a refusé l’annonce : ${remote} Corrigez l’article et publiez-le de nouveau.`,
    );
    const [job] = await invoke(ws, 'jobs.list', { status: 'failed' });
    expect(french(job!.lastErrorText)).toBe(french(failed.lastErrorText));

    const line = (await history(ws, itemId)).find((l) => l.kind === 'listing.failed')!;
    expect(french(line.text)).toBe(
      `Échec de la publication sur eBay : eBay a refusé l’annonce : ${remote} Corrigez l’article et publiez-le de nouveau.`,
    );
    expect(renderMessage(line.text!, 'de')).toContain(
      `Veröffentlichung auf eBay fehlgeschlagen: eBay hat das Angebot abgelehnt: ${remote}`,
    );

    // A retry clears the reason in both forms.
    await invoke(ws, 'channels.retry', { listingId: failed.id });
    const retried = (await invoke(ws, 'items.get', { id: itemId })).listings.find(
      (l) => l.channel === 'ebay',
    )!;
    expect(retried).toMatchObject({ status: 'queued', lastError: null, lastErrorText: null });
  });

  test('a channel that keeps failing is given up on, with the count as French writes it', async () => {
    const { ws, ebay, runner } = await setUp();
    const itemId = await approvedItem(ws);
    await invoke(ws, 'channels.publish', { itemIds: [itemId], channels: ['ebay'] });
    const busy = () => new ChannelError('retryable', 'http_503', 'Service Unavailable');
    ebay.failNext('upsert', ...Array.from({ length: 10 }, busy));
    await ws.kysely.updateTable('jobs').set({ max_attempts: 1 }).execute();
    expect(await runner.runOnce()).toMatchObject({ status: 'failed' });
    const failed = (await invoke(ws, 'items.get', { id: itemId })).listings.find(
      (l) => l.channel === 'ebay',
    )!;
    expect(failed.lastErrorText?.code).toBe('jobs.gave_up');
    expect(french(failed.lastErrorText)).toBe(
      'Abandon après 1 tentative : eBay échouait toujours (Service Unavailable). Vérifiez le canal, puis relancez.',
    );
  });
});
