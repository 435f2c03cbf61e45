import { describe, expect, test } from 'vitest';
import { addItem, addMerchant, addPrice, addProduct } from '../../tests/integration/seed';
import { tempDir } from '../../tests/integration/temp';
import { Workspace } from '../services/workspace';
import { rebound } from '../../tests/support/cli';

/** A data folder with one approved item and one still waiting for the merchant. */
async function folder(): Promise<string> {
  const dir = tempDir();
  const ws = Workspace.open(dir);
  const merchantId = await addMerchant(ws, { name: 'Velo Shop' });
  const productId = await addProduct(ws, {
    merchantId,
    sku: 'VS-PUMP-03',
    title: 'Floor pump',
    originalCents: 4500,
  });
  const approved = await addItem(ws, {
    merchantId,
    productId,
    reference: 'RB-000501',
    grade: 'used',
    status: 'approved',
  });
  await addPrice(ws, approved, { originalCents: 4500, proposedCents: 2990, decision: 'approved' });
  await addItem(ws, {
    merchantId,
    productId,
    reference: 'RB-000502',
    grade: 'used',
    status: 'awaiting_approval',
  });
  await ws.close();
  return dir;
}

describe('rebound publish / practice buy / sync', () => {
  test('publishes, a practice buyer buys, the sync records the sale', async () => {
    const data = await folder();
    const published = await rebound(
      'publish',
      'RB-000501',
      '--channel',
      'practice',
      '--json',
      '--data-dir',
      data,
    );
    expect(published.err).toBe('');
    expect(published.code).toBe(0);
    const lines = JSON.parse(published.out) as { reference: string; status: string; url: string }[];
    expect(lines).toEqual([
      {
        reference: 'RB-000501',
        channel: 'practice',
        status: 'live',
        url: expect.stringMatching(/^rebound-practice:\/\/listing\/\d+$/),
        message: null,
      },
    ]);

    const bought = await rebound(
      'practice',
      'buy',
      'RB-000501',
      '--country',
      'FR',
      '--json',
      '--data-dir',
      data,
    );
    expect(bought.code).toBe(0);
    expect(JSON.parse(bought.out)).toMatchObject({
      orderId: 'PM-000001',
      priceCents: 2990,
      buyerCountry: 'FR',
    });

    const synced = await rebound('sync', '--json', '--data-dir', data);
    expect(synced.code).toBe(0);
    const outcomes = JSON.parse(synced.out) as { status: string; summary: string }[];
    expect(outcomes.map((o) => o.status)).toEqual(['done']);
    expect(outcomes[0]?.summary).toMatch(/^1 sales/);

    const item = await rebound('items', 'show', 'RB-000501', '--json', '--data-dir', data);
    expect(JSON.parse(item.out)).toMatchObject({ status: 'sold' });
    const again = await rebound('sync', '--json', '--data-dir', data);
    expect(JSON.parse(again.out)[0].summary).toMatch(/^0 sales/);
  });

  test('a refused item exits 1 with the reason; an unknown channel is bad usage', async () => {
    const data = await folder();
    const refused = await rebound('publish', 'RB-000502', '--data-dir', data);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(
      /RB-000502\tpractice\trefused\t.*only items whose price the merchant approved/,
    );
    expect(refused.err).toMatch(/1 of 1 listings is not live/);
    const bad = await rebound('publish', 'RB-000501', '--channel', 'etsy', '--data-dir', data);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/Unknown channel “etsy”/);
  });

  test('a French warehouse publishes and a practice buyer buys: the results and the help speak French', async () => {
    const data = await folder();
    const published = await rebound('publish', 'RB-000501', 'RB-000502', '--lang', 'fr', '--data-dir', data);
    expect(published.code).toBe(1);
    // Statuses stay the words scripts read; the reason and the summary are French.
    expect(published.out).toContain('RB-000501\tpractice\tlive\t');
    expect(published.out).toMatch(
      /RB-000502\tpractice\trefused\t.*seuls les articles dont le marchand a validé le prix/,
    );
    expect(published.err).toBe('rebound: 1 annonce sur 2 n’est pas en ligne (voir ci-dessus).\n');

    const bought = await rebound('practice', 'buy', 'RB-000501', '--lang', 'fr', '--data-dir', data);
    expect(bought.code).toBe(0);
    expect(bought.out).toMatch(
      /^RB-000501 acheté sur la place de marché d’entraînement\u202f: commande PM-000001, 29,90\s€ \+ /,
    );

    const help = await rebound('publish', '--help', '--lang', 'fr');
    expect(help.out).toContain('publie des articles validés sur un canal');
    expect(help.out).toContain('les références Rebound des articles, p. ex. RB-000123');
  });

  test('a German colleague syncs the sales and mistypes a channel: the jobs and the error speak German', async () => {
    const data = await folder();
    expect((await rebound('publish', 'RB-000501', '--data-dir', data)).code).toBe(0);
    expect((await rebound('practice', 'buy', 'RB-000501', '--data-dir', data)).code).toBe(0);
    const synced = await rebound('sync', '--lang', 'de', '--data-dir', data);
    expect(synced.code).toBe(0);
    expect(synced.out).toMatch(/^Aufgabe \d+\tdone\t/);
    // What the job did, in German: the sale bought on the practice marketplace was recorded.
    expect(synced.out).toContain('erfasste Verkäufe: 1, Stornos und Erstattungen: 0');

    const bad = await rebound(
      'publish',
      'RB-000501',
      '--channel',
      'etsy',
      '--lang',
      'de',
      '--data-dir',
      data,
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Unbekannter Kanal „etsy“. Kanäle: practice, ebay');

    const help = await rebound('jobs', 'list', '--help', '--lang', 'de');
    expect(help.out).toContain('listet die Hintergrundaufgaben auf, die neuesten zuerst');
    expect(help.out).toContain('nur Aufgaben mit diesem Status');
  });
});
