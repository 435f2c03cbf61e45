import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { ItemDetail, ItemPage, Merchant } from '../../shared/contract';
import { locateContracts } from '../ebay/openapi';
import { sceneJpeg } from '../support/images';
import { ADMIN, cliJson, connectEbay, ebayTest, item, ListingsScreen, setLanguage, shoot } from './channels';
import { expect, screenshotPath, test, type ServedApp } from './fixtures';
import { ApprovalsScreen, Shell, StartScreen } from './pages';

/**
 * Issue 15, the small things a resale desk notices every day: a decision waits a few seconds
 * with an Undo before it is sent (approve, approve a selection, reject, end a listing); the top
 * bar counts failed background jobs and opens them; the approval queue filters by merchant.
 */

// A desk's screen: the French and German labels must fit at 1280 × 800 too.
const DESK = { width: 1280, height: 800 };
test.use({ seed: 'demo', locale: 'en-GB', reducedMotion: 'reduce', viewport: DESK });
test.describe.configure({ timeout: 180_000 });

const APPROVER = 'Siobhán Kelly';
/** Longer than the Undo's few seconds: whatever was going to be sent has been by then. */
const PAST_UNDO_MS = 7_000;

/**
 * A screenshot while a decision is pending: `shoot` waits for every busy row to settle, which
 * here would be the Undo running out.
 */
async function snap(page: Page, file: string): Promise<void> {
  await page.mouse.move(0, DESK.height - 1);
  await page.screenshot({ path: screenshotPath(file), animations: 'disabled' });
}

/** One contract call with this page's session, as the screens make it. */
async function api<T>(page: Page, app: ServedApp, method: string, input: unknown): Promise<T> {
  const response = await page.request.post(`${app.origin}/api/call/${method}`, { data: input });
  const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  expect(body.ok, body.error?.message).toBe(true);
  return body.value;
}

/**
 * Where an item stands, asked over HTTP rather than with the CLI: starting the CLI takes seconds
 * on a busy machine, longer than the Undo a check made "at once" is about.
 */
async function statusOf(page: Page, app: ServedApp, reference: string): Promise<string> {
  return (await api<ItemDetail>(page, app, 'items.getByReference', { reference })).status;
}

test('an approval waits for its Undo: undone, nothing is sent; left alone, or the window closed, it is', async ({
  app,
  page,
}) => {
  await page.goto(app.url);
  await new StartScreen(page).pickProfile(APPROVER);
  const shell = new Shell(page);
  await shell.goTo('approvals');
  const approvals = new ApprovalsScreen(page);
  const row = (reference: string) => approvals.rows.and(page.locator(`[data-reference="${reference}"]`));
  const notice = page.getByTestId('undo-notice');

  // A on the selected row: the row shows as pending and the notice offers Undo. Undo: nothing is sent.
  const first = (await approvals.selectedRow.getAttribute('data-reference'))!;
  await page.keyboard.press('a');
  await expect(row(first)).toHaveAttribute('data-pending', 'true');
  await expect(notice).toContainText(`The price of ${first} will be approved`);
  await snap(page, 'undo-approvals-en.png');
  await notice.getByTestId('undo').click();
  await expect(page.getByTestId('undo-undone')).toContainText('nothing was sent');
  await expect(row(first)).not.toHaveAttribute('data-pending', 'true');
  await page.waitForTimeout(PAST_UNDO_MS);
  expect(await statusOf(page, app, first)).toBe('awaiting_approval');
  await expect(row(first)).toBeVisible();

  // Ctrl+Z while the notice shows does the same.
  const second = (await approvals.selectedRow.getAttribute('data-reference'))!;
  expect(second).not.toBe(first);
  await page.keyboard.press('a');
  await expect(row(second)).toHaveAttribute('data-pending', 'true');
  await page.keyboard.press('Control+z');
  await expect(row(second)).not.toHaveAttribute('data-pending', 'true');
  await page.waitForTimeout(PAST_UNDO_MS);
  expect(await statusOf(page, app, second)).toBe('awaiting_approval');

  // Approve in the drawer and leave it: not sent at once, sent after the delay, and then it says so.
  await row(first).click();
  await expect(approvals.drawer).toHaveAttribute('data-item-reference', first);
  await approvals.decisionBar.getByTestId('approve').click();
  expect(await statusOf(page, app, first)).toBe('awaiting_approval');
  await expect(page.getByTestId('undo-sent')).toContainText(`Price of ${first} approved`);
  await expect(page.getByTestId('undo-sent')).toContainText('can no longer be undone');
  expect(await statusOf(page, app, first)).toBe('approved');
  await expect(row(first)).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(approvals.drawer).toBeHidden();
  // Too late for Ctrl+Z: it was sent.
  await page.keyboard.press('Control+z');
  expect(await statusOf(page, app, first)).toBe('approved');

  // Approve a selection: both rows pending, both approved once the Undo has passed.
  const [x, y] = await Promise.all([0, 1].map((n) => approvals.rows.nth(n).getAttribute('data-reference')));
  for (const reference of [x!, y!]) await row(reference).getByRole('checkbox').check();
  await page.getByTestId('approve-selected').click();
  await expect(row(x!)).toHaveAttribute('data-pending', 'true');
  await expect(row(y!)).toHaveAttribute('data-pending', 'true');
  await expect(notice).toContainText('2 prices will be approved');
  expect(await statusOf(page, app, x!)).toBe('awaiting_approval');
  await expect(page.getByTestId('undo-sent').filter({ hasText: '2 prices approved' })).toBeVisible({
    timeout: 15_000,
  });
  expect([await statusOf(page, app, x!), await statusOf(page, app, y!)]).toEqual(['approved', 'approved']);

  // A rejection waits too: Undo, and the item still waits for a decision.
  const rejected = (await approvals.selectedRow.getAttribute('data-reference'))!;
  await page.keyboard.press('r');
  await page.getByTestId('reject-submit').click();
  await expect(row(rejected)).toHaveAttribute('data-pending', 'true');
  await expect(notice).toContainText(`The price of ${rejected} will be rejected`);
  await notice.getByTestId('undo').click();
  await page.waitForTimeout(PAST_UNDO_MS);
  expect(await statusOf(page, app, rejected)).toBe('awaiting_approval');

  // Approve, then reload the window at once: a person who approved expects it approved.
  const closing = (await approvals.selectedRow.getAttribute('data-reference'))!;
  await page.keyboard.press('a');
  await expect(row(closing)).toHaveAttribute('data-pending', 'true');
  await page.reload();
  await expect.poll(() => statusOf(page, app, closing), { timeout: 10_000 }).toBe('approved');

  // The notice in French and German: the language changed during the countdown changes it too.
  for (const language of ['fr', 'de'] as const) {
    const next = (await approvals.selectedRow.getAttribute('data-reference'))!;
    await page.keyboard.press('a');
    await expect(row(next)).toHaveAttribute('data-pending', 'true');
    await setLanguage(page, language);
    await expect(notice).toContainText(language === 'fr' ? 'va être validé' : 'wird freigegeben');
    await snap(page, `undo-approvals-${language}.png`);
    await page.keyboard.press('Control+z');
    await expect(row(next)).not.toHaveAttribute('data-pending', 'true');
  }
});

test('ending a listing waits for its Undo; the approval queue filters by merchant', async ({ app, page }) => {
  await page.goto(app.url);
  await new StartScreen(page).pickProfile(ADMIN);
  const shell = new Shell(page);

  // An approved item goes on the practice marketplace from its page.
  const approved = cliJson<ItemPage>(
    app,
    'items',
    'list',
    '--status',
    'approved',
    '--limit',
    '100',
  ).rows.find((row) => row.grade !== 'defective')!;
  await page.goto(`${app.origin}/#/items/${approved.id}`);
  const practice = page.locator('[data-testid="channel-row"][data-channel="practice"]');
  await practice.getByTestId('publish-channel').click();
  await expect(practice).toHaveAttribute('data-listing-status', 'live', { timeout: 60_000 });

  // End it, then Undo: the listing stays live.
  await practice.getByTestId('end-listing').click();
  await page.getByTestId('end-confirm').click();
  await expect(practice).toHaveAttribute('data-pending', 'true');
  await expect(page.getByTestId('undo-notice')).toContainText(
    `The listing of ${approved.reference} on Practice marketplace will be ended`,
  );
  await page.getByTestId('undo').click();
  await expect(practice).not.toHaveAttribute('data-pending', 'true');
  await page.waitForTimeout(PAST_UNDO_MS);
  expect(item(app, approved.reference).listings.find((l) => l.channel === 'practice')?.status).toBe('live');

  // End it and let it go: ended.
  await practice.getByTestId('end-listing').click();
  await page.getByTestId('end-confirm').click();
  await expect(page.getByTestId('undo-sent')).toBeVisible({ timeout: 15_000 });
  await expect(practice).toHaveAttribute('data-listing-status', 'ended', { timeout: 30_000 });

  // A second merchant with one item waiting for a decision, added as an admin would.
  const merchant = await api<Merchant>(page, app, 'merchants.create', {
    name: 'Kestrel Outdoor',
    currency: 'EUR',
    language: 'fr',
    returnWindowDays: 30,
  });
  const csv = 'order,sku,title,price\nK-1001,KS-TENT-2,Tente de randonnée 2 places,249.00\n';
  await api(page, app, 'intake.importReturns', {
    base64: Buffer.from(csv).toString('base64'),
    merchantId: merchant.id,
  });
  const kestrel = (await api<ItemPage>(page, app, 'items.list', { merchantId: merchant.id })).rows[0]!;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-e2e-undo-'));
  try {
    const file = path.join(folder, 'tent.jpg');
    fs.writeFileSync(file, await sceneJpeg(1200, 900, 15));
    const added = app.cli('photos', 'add', kestrel.reference, file);
    expect(added.status, added.stderr).toBe(0);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  const { version } = await api<ItemDetail>(page, app, 'items.get', { id: kestrel.id });
  await api(page, app, 'intake.grade', {
    itemId: kestrel.id,
    version,
    grade: 'used',
    packaging: 'opened_intact',
    functionalTest: 'passed',
    factoryReset: false,
    cleaned: true,
    repackaged: false,
  });
  expect(await statusOf(page, app, kestrel.reference)).toBe('awaiting_approval');

  // The queue shows both merchants; choosing one shows only its items, and the counter follows.
  await shell.goTo('approvals');
  const approvals = new ApprovalsScreen(page);
  // Counted once the queue has loaded: Kestrel's item is in it, beside Larkfield's.
  await expect(approvals.rows.and(page.locator(`[data-reference="${kestrel.reference}"]`))).toHaveCount(1);
  await expect.poll(() => approvals.rows.count()).toBeGreaterThan(1);
  const everyone = await approvals.rows.count();
  await page.getByTestId('approvals-merchant-filter').click();
  await page.getByRole('option', { name: 'Kestrel Outdoor' }).click();
  await expect(approvals.rows).toHaveCount(1);
  await expect(approvals.rows.first()).toHaveAttribute('data-reference', kestrel.reference);
  await expect(approvals.counter).toContainText('1 item waits for a decision');
  await shoot(page, 'approvals-merchant-filter-en.png');
  await page.getByTestId('approvals-merchant-filter').click();
  await page.getByRole('option', { name: 'Larkfield Home & Tech' }).click();
  await expect(approvals.rows).toHaveCount(everyone - 1);
  await expect(approvals.rows.and(page.locator(`[data-reference="${kestrel.reference}"]`))).toHaveCount(0);
  for (const language of ['fr', 'de'] as const) {
    await setLanguage(page, language);
    await expect(page.getByTestId('approvals-merchant-filter')).toHaveValue('Larkfield Home & Tech');
    await shoot(page, `approvals-merchant-filter-${language}.png`);
  }
});

const contracts = locateContracts();

ebayTest.describe('failed background jobs', () => {
  ebayTest.use({ seed: 'demo', locale: 'en-GB', reducedMotion: 'reduce', viewport: DESK });
  ebayTest.skip(!contracts.available, `SKIPPED: ${contracts.reason}`);

  ebayTest(
    'a publish eBay refuses is counted in the top bar, which opens it',
    async ({ app, page, ebay }) => {
      await connectEbay(app, ebay);
      const target = cliJson<ItemPage>(
        app,
        'items',
        'list',
        '--status',
        'approved',
        '--limit',
        '100',
      ).rows.find((row) => row.grade === 'used')!;
      // The category stops taking used items: eBay refuses the offer, which no retry can fix.
      ebay.state.setConditionPolicy('9355', ['NEW']);

      await page.goto(app.url);
      await new StartScreen(page).pickProfile(ADMIN);
      const shell = new Shell(page);
      await shell.goTo('listings');
      await expect(page.getByTestId('failed-jobs')).toHaveCount(0);
      const listings = new ListingsScreen(page);
      await listings.row(target.reference).getByTestId('row-menu').click();
      await page.getByTestId('row-publish-ebay').click();
      await expect(listings.state(target.reference, 'ebay')).toHaveAttribute(
        'data-listing-status',
        'failed',
        {
          timeout: 60_000,
        },
      );

      // The top bar counts it, without a reload.
      const badge = page.getByTestId('failed-jobs');
      await expect(badge).toHaveText('1 failed');
      await shoot(page, 'topbar-failed-en.png', page.locator('header'));
      await badge.click();
      const drawer = page.getByTestId('failed-jobs-drawer');
      const job = drawer.getByTestId('failed-job');
      await expect(job).toHaveCount(1);
      await expect(job).toContainText('Publish listing · eBay');
      await expect(job).toContainText(target.reference);
      // eBay's own words, kept as they are.
      await expect(job).toContainText('is not allowed in category 9355');
      await shoot(page, 'failed-jobs-en.png');

      for (const [language, words] of [
        ['fr', ['1 en échec', 'Publication de l’annonce · eBay']],
        ['de', ['1 fehlgeschlagen', 'Angebot veröffentlichen · eBay']],
      ] as const) {
        await setLanguage(page, language);
        await expect(job).toContainText(words[1]);
        await shoot(page, `failed-jobs-${language}.png`);
        await page.keyboard.press('Escape');
        await expect(badge).toHaveText(words[0]);
        await shoot(page, `topbar-failed-${language}.png`, page.locator('header'));
        await badge.click();
      }

      // The job opens its item, where Retry lives.
      await job.click();
      await expect(page).toHaveURL(new RegExp(`#/items/${target.id}$`));
      await expect(
        page.locator('[data-testid="channel-row"][data-channel="ebay"]').getByTestId('retry-listing'),
      ).toBeVisible();
    },
  );
});
