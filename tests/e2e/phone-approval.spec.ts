import type { ItemDetail } from '../../shared/contract';
import { expect, screenshotPath, test, type ServedApp } from './fixtures';
import { Shell, StartScreen } from './pages';

test.use({ seed: 'demo' });
test.describe.configure({ timeout: 120_000 });

const MERCHANT = 'Larkfield Home & Tech';
const APPROVER = 'Aoife Byrne';
const PASSWORD = 'aoife-decides-2026';

function itemByReference(app: ServedApp, reference: string): ItemDetail {
  const result = app.cli('items', 'show', reference, '--json');
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as ItemDetail;
}

/**
 * The merchant approves from a phone: the admin adds them and shows the pairing code, the phone
 * opens it, signs in with the merchant's own password, approves one item and rejects another
 * with a tap or two, while the desk watches both decisions arrive under the merchant's name.
 */
test('the admin pairs the merchant’s phone; the merchant decides there; the desk sees it live', async ({
  app,
  browser,
  page,
}) => {
  // The admin, at a desk: a new approver for Larkfield, and the code that pairs their phone.
  await page.goto(app.url);
  await new StartScreen(page).pickProfile('Nadia Okafor');
  await new Shell(page).goTo('settings');
  const people = page.getByTestId('people-section');
  await people.scrollIntoViewIfNeeded();
  await people.getByTestId('add-person').click();
  const modal = page.getByTestId('person-modal');
  await modal.getByTestId('person-name').fill(APPROVER);
  await modal.getByTestId('person-role').click();
  await page.getByRole('option', { name: 'Approver' }).click();
  await modal.getByTestId('person-merchants').click();
  await page.getByRole('option', { name: MERCHANT }).click();
  await modal.getByTestId('person-password').fill(PASSWORD);
  await modal.getByTestId('person-password-again').fill(PASSWORD);
  await modal.getByTestId('person-save').click();
  const row = people.locator(`[data-person="${APPROVER}"]`);
  await expect(row).toContainText(MERCHANT);
  await row.getByTestId('person-pair').click();
  const qr = page.getByTestId('pair-qr');
  await expect(qr).toBeVisible();
  const pairing = (await qr.getAttribute('data-url'))!;
  expect(pairing).toBe(`${app.origin}/?name=Aoife+Byrne`);
  await page.screenshot({ path: screenshotPath('pair-phone.png') });

  // The merchant's phone: 390 × 844, touch, its own cookies.
  const phoneContext = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'en-IE',
  });
  const phone = await phoneContext.newPage();
  await phone.goto(pairing);
  await expect(phone.getByTestId('sign-in-name')).toHaveValue(APPROVER);
  await phone.getByTestId('sign-in-password').fill(PASSWORD);
  await phone.getByTestId('sign-in-submit').tap();
  // An approver's first page is the approval queue.
  await expect(phone.getByTestId('sign-in')).toHaveCount(0);
  await expect(phone).toHaveURL(`${app.origin}/?name=Aoife+Byrne#/approvals`);
  const cards = phone.getByTestId('phone-card');
  await expect(cards.first()).toBeVisible();
  const approveRef = (await cards.nth(0).getAttribute('data-reference'))!;
  const rejectRef = (await cards.nth(1).getAttribute('data-reference'))!;
  // Only Larkfield's items, and the page fits the phone: nothing wider than the screen.
  const width = await phone.locator('html').evaluate((html) => html.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await phone.screenshot({ path: screenshotPath('phone-queue.png') });

  // The desk: staff has the first item open.
  const desk = await browser.newContext();
  const staff = await desk.newPage();
  await staff.goto(app.url);
  await new StartScreen(staff).pickProfile('Lea Brandt');
  const approveId = itemByReference(app, approveRef).id;
  await staff.goto(`${app.origin}/#/items/${approveId}`);
  const history = staff.getByTestId('history');
  await expect(history).toBeVisible();

  // One tap approves.
  await phone
    .locator(`[data-testid="phone-card"][data-reference="${approveRef}"]`)
    .getByTestId('phone-approve')
    .tap();
  await expect(phone.locator(`[data-testid="phone-card"][data-reference="${approveRef}"]`)).toHaveCount(0);
  // Two taps reject: what should happen to the item.
  const rejectCard = phone.locator(`[data-testid="phone-card"][data-reference="${rejectRef}"]`);
  await rejectCard.getByTestId('phone-reject').tap();
  await phone.screenshot({ path: screenshotPath('phone-reject.png') });
  await phone.getByTestId('phone-reject-sheet').locator('[data-reason="return_to_me"]').tap();
  await expect(rejectCard).toHaveCount(0);
  await phone.screenshot({ path: screenshotPath('phone-after.png') });

  // The desk sees the approval arrive without reloading, under the approver's name.
  await expect(history).toContainText(`Price approved by ${APPROVER}`);
  const approved = itemByReference(app, approveRef);
  expect(approved.status).toBe('approved');
  const rejected = itemByReference(app, rejectRef);
  expect(rejected.status).toBe('returned_to_merchant');
  const rejectEvent = rejected.events.find((event) => event.kind === 'price.rejected');
  expect(rejectEvent?.actor).toBe(APPROVER);
  await staff.screenshot({ path: screenshotPath('desk-sees-decision.png') });

  await phoneContext.close();
  await desk.close();
});
