import type { ItemDetail, ItemSummary, ScanResult } from '../../shared/contract';
import { formatMoney } from '../../shared/domain/money';
import { sceneJpeg } from '../support/images';
import { expect, test, type ServedApp } from './fixtures';
import { ApprovalsScreen, DeskScreen, IntakeScreen, Shell, StartScreen } from './pages';

test.use({ seed: 'demo' });
// Creating the demo workspace alone can take half a minute on a busy machine, and this test walks
// two people through four screens.
test.describe.configure({ timeout: 180_000 });

const STAFF = 'Lea Brandt';
const APPROVER = 'Siobhán Kelly';

function cliJson<T>(app: ServedApp, ...args: string[]): T {
  const result = app.cli(...args, '--json');
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as T;
}

function item(app: ServedApp, reference: string): ItemDetail {
  return cliJson<ItemDetail>(app, 'items', 'show', reference);
}

test('a return from the desk to the merchant’s approval, with no pricing step in between', async ({
  app,
  page,
  browser,
}) => {
  // A product of the demo catalogue with an EAN, as the scanner would read it off the box.
  const someItem = cliJson<{ rows: ItemSummary[] }>(app, 'items', 'list', '--limit', '1').rows[0]!;
  const found = cliJson<ScanResult>(app, 'intake', 'scan', someItem.sku);
  if (found.kind !== 'product' || !found.product.ean) throw new Error(`no EAN for ${someItem.sku}`);
  const ean = found.product.ean;

  // Morning at the desk: Lea scans the parcel and receives it.
  await page.goto(app.url);
  await new StartScreen(page).pickProfile(STAFF);
  const intake = new IntakeScreen(page);
  const desk = new DeskScreen(page);
  await expect(intake.scanField).toBeFocused();
  await intake.scan(ean);
  await expect(desk.receiveForm).toHaveAttribute('data-product-sku', found.product.sku);
  await page.keyboard.type('ORD-FLOW-0815');
  await page.keyboard.press('Enter');
  await expect(desk.grading).toBeVisible();
  await expect(intake.panel).toHaveAttribute('data-item-reference', /^RB-\d+$/);
  const reference = (await intake.panel.getAttribute('data-item-reference'))!;

  // Used, with a scratch: 25 % and more off, beyond the 20 % the policy approves by itself.
  await expect(desk.grading).toBeFocused();
  await page.keyboard.press('3');
  await expect(desk.gradeControl).toHaveAttribute('data-value', 'used');
  await page.keyboard.press('d');
  await expect(desk.defectRows).toHaveCount(1);
  await desk.describeDefect(desk.defectRows.nth(0), {
    kind: 'Scratch',
    where: 'left ear cup',
    sizeMm: 15,
    severity: 'Moderate',
    note: 'visible under light',
  });
  await page.keyboard.press('Control+Enter');
  await expect(desk.history.getByText('Graded used')).toBeVisible();
  // Graded but not photographed: not ready for pricing yet.
  const graded = item(app, reference);
  expect(graded.status).toBe('graded');
  expect(graded.price).toBeNull();

  // The photo desk: one JPEG through the file picker, and the proposal follows by itself.
  await page.goto(`${app.origin}/#/photos/${graded.id}`);
  await expect(page.getByTestId('photo-workspace')).toContainText(reference);
  await page
    .getByTestId('photo-file-input')
    .setInputFiles([{ name: 'front.jpg', mimeType: 'image/jpeg', buffer: await sceneJpeg(1600, 1200, 31) }]);
  await expect(page.getByTestId('upload-summary')).toHaveText(/^1 added/);
  await expect.poll(() => item(app, reference).status).toBe('awaiting_approval');
  const proposed = item(app, reference);
  expect(proposed.price).toMatchObject({ decision: 'pending' });
  expect(proposed.price!.steps.map((s) => s.code)).toEqual(expect.arrayContaining(['grade']));
  expect(proposed.events.slice(0, 3).map((e) => [e.kind, e.actor])).toEqual([
    ['price.proposed', STAFF],
    ['item.photographed', STAFF],
    ['photos.added', STAFF],
  ]);

  // Lea sees it waiting, but the decision is not hers: no approve action on screen…
  await new Shell(page).goTo('approvals');
  const staffQueue = new ApprovalsScreen(page);
  await expect(page.getByTestId('approvals-readonly')).toContainText(STAFF);
  await expect(page.getByTestId('approve-selected')).toHaveCount(0);
  const staffRow = staffQueue.rows.and(page.locator(`[data-reference="${reference}"]`));
  await staffRow.click();
  await expect(staffQueue.drawer).toHaveAttribute('data-item-reference', reference);
  await expect(staffQueue.refusal).toBeVisible();
  await expect(staffQueue.decisionBar).toHaveCount(0);
  // …nor on the command line.
  const refused = app.cli('approve', reference, '--as', STAFF);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain(`${STAFF} is resale staff and cannot approve prices.`);
  expect(item(app, reference).status).toBe('awaiting_approval');

  // Siobhán, at the merchant, in her own window: the proposal is in her queue.
  const merchantContext = await browser.newContext();
  try {
    const merchant = await merchantContext.newPage();
    await merchant.goto(app.url);
    await new StartScreen(merchant).pickProfile(APPROVER);
    await new Shell(merchant).goTo('approvals');
    const approvals = new ApprovalsScreen(merchant);
    const row = approvals.rows.and(merchant.locator(`[data-reference="${reference}"]`));
    await expect(row).toHaveCount(1);
    await row.click();
    await expect(approvals.drawer).toHaveAttribute('data-item-reference', reference);
    await expect(approvals.traceTotal).toHaveText(
      formatMoney(proposed.price!.proposedCents, proposed.currency, 'en-GB'),
    );

    // She types a price of her own; the trace shows the manual step; she approves at it.
    const typedCents = proposed.price!.proposedCents - 500;
    const typed = `${Math.floor(typedCents / 100)}.${String(typedCents % 100).padStart(2, '0')}`;
    await approvals.adjustTo(typed);
    const preview = approvals.adjustModal.getByTestId('price-trace');
    await expect(preview.locator('[data-step="manual"]')).toBeVisible();
    await expect(preview.getByTestId('trace-total')).toHaveText(
      formatMoney(typedCents, proposed.currency, 'en-GB'),
    );
    await approvals.adjustModal.getByTestId('adjust-submit').click();
    await expect(approvals.adjustModal).toBeHidden();
    await expect(row).toHaveCount(0);

    const approved = item(app, reference);
    expect(approved.status).toBe('approved');
    expect(approved.price).toMatchObject({
      proposedCents: typedCents,
      decision: 'adjusted',
      decidedBy: APPROVER,
    });
    expect(approved.price!.steps.at(-1)!.code).toBe('manual');

    // The item's history names her as the one who approved.
    await merchant.goto(`${app.origin}/#/items/${approved.id}`);
    const history = merchant.getByTestId('history');
    await expect(history).toContainText(`Price adjusted and approved by ${APPROVER}`);
    await expect(history).toContainText('Graded Used');
  } finally {
    await merchantContext.close();
  }
});
