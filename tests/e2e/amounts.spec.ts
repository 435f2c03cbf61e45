import type { ItemDetail, ScanResult } from '../../shared/contract';
import { formatMoney } from '../../shared/domain/money';
import { expect, test, type ServedApp } from './fixtures';
import { ApprovalsScreen, IntakeScreen, Shell, StartScreen } from './pages';

test.use({ seed: 'demo' });
// Each test creates the demo workspace first, which alone can take half a minute on a busy machine.
test.describe.configure({ timeout: 120_000 });

function itemByReference(app: ServedApp, reference: string): ItemDetail {
  const result = app.cli('items', 'show', reference, '--json');
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as ItemDetail;
}

/** A valid EAN-13 from twelve digits (the check digit is what the server verifies). */
function ean13(first12: string): string {
  const sum = [...first12].reduce((acc, digit, i) => acc + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return first12 + String((10 - (sum % 10)) % 10);
}

test.describe('in French, prices are typed the French way', () => {
  test.use({ locale: 'fr-FR' });

  test('at the French desk, an unknown product gets its price as “1 234,50”', async ({ app, page }) => {
    // In-store prefix 20…: never one of the demo catalogue's codes.
    const ean = ean13('200000000033');
    await page.goto(app.url);
    await new StartScreen(page).pickProfile('Lea Brandt');
    await new IntakeScreen(page).scan(ean);
    await page.getByTestId('create-product').click();
    const form = page.getByTestId('new-product-form');
    await form.getByTestId('product-title').fill('Lampe de bureau Brightway, laiton');
    await form.getByTestId('product-sku').fill('E2E-FR-LAMP');
    const price = form.getByTestId('product-price');
    await price.fill('douze');
    await expect(form).toContainText('Ce n’est pas un montant');
    await expect(form.getByTestId('product-submit')).toBeDisabled();
    await price.fill('1 234,50');
    await form.getByTestId('product-submit').click();
    await expect(form).toBeHidden();

    const result = app.cli('intake', 'scan', ean, '--json');
    expect(result.status, result.stderr).toBe(0);
    const found = JSON.parse(result.stdout) as ScanResult;
    expect(found).toMatchObject({ kind: 'product', product: { sku: 'E2E-FR-LAMP', originalCents: 123450 } });
  });

  test('the price adjust field shows and takes “12,50”, takes “12.50” too, and refuses garbage', async ({
    app,
    page,
  }, testInfo) => {
    await page.goto(app.url);
    await new StartScreen(page).pickProfile('Siobhán Kelly');
    await new Shell(page).goTo('approvals');
    const approvals = new ApprovalsScreen(page);

    // Each key of the queue says what it does, in French.
    const hints = page.getByTestId('key-hints');
    await expect(hints).toContainText('valider');
    await expect(hints.locator('kbd', { hasText: 'Entrée' })).toBeVisible();

    const first = approvals.rows.first();
    const reference = (await first.getAttribute('data-reference'))!;
    await first.click();
    await expect(approvals.drawer).toHaveAttribute('data-item-reference', reference);
    const before = itemByReference(app, reference);
    const proposed = before.price!.proposedCents;
    await approvals.decisionBar.getByTestId('adjust').click();
    const field = approvals.adjustModal.getByTestId('adjust-price');

    // The proposal is shown with a decimal comma.
    const euros = Math.floor(proposed / 100);
    const cents = String(proposed % 100).padStart(2, '0');
    await expect(field).toHaveValue(`${euros},${cents}`);

    // Garbage is refused in French, and the price cannot be sent.
    const submit = approvals.adjustModal.getByTestId('adjust-submit');
    await field.fill('douze euros');
    await expect(approvals.adjustModal).toContainText('Ce n’est pas un montant');
    await expect(submit).toBeDisabled();

    // A point, as an English keypad types it, is understood; then the French way.
    const trace = approvals.adjustModal.getByTestId('price-trace');
    const typed = proposed - 250;
    const whole = Math.floor(typed / 100);
    const rest = String(typed % 100).padStart(2, '0');
    await field.fill(`${whole}.${rest}`);
    await expect(trace.getByTestId('trace-total')).toHaveText(formatMoney(typed, before.currency, 'fr-FR'));
    await field.fill('12,50');
    await expect(trace.getByTestId('trace-total')).toHaveText(formatMoney(1250, before.currency, 'fr-FR'));
    await field.fill(`${whole},${rest}`);
    await expect(trace.getByTestId('trace-total')).toHaveText(formatMoney(typed, before.currency, 'fr-FR'));
    await expect(approvals.adjustModal.getByTestId('adjust-preview')).toHaveAttribute('data-ready', 'true');
    await page.screenshot({ path: testInfo.outputPath('adjust-fr.png') });

    await submit.click();
    await expect(approvals.adjustModal).toBeHidden();
    await expect
      .poll(() => itemByReference(app, reference).price?.proposedCents, { timeout: 15_000 })
      .toBe(typed);
  });
});

test.describe('in German, prices are typed the German way', () => {
  test.use({ locale: 'de-DE' });

  test('“1.234,50” is a thousand and more, and the keys are named in German', async ({
    app,
    page,
  }, testInfo) => {
    await page.goto(app.url);
    await new StartScreen(page).pickProfile('Siobhán Kelly');
    await new Shell(page).goTo('approvals');
    const approvals = new ApprovalsScreen(page);
    const hints = page.getByTestId('key-hints');
    await expect(hints).toContainText('freigeben');
    await expect(hints.locator('kbd', { hasText: 'Eingabe' })).toBeVisible();

    const first = approvals.rows.first();
    const { currency } = itemByReference(app, (await first.getAttribute('data-reference'))!);
    await first.click();
    await approvals.decisionBar.getByTestId('adjust').click();
    const field = approvals.adjustModal.getByTestId('adjust-price');
    await expect(field).toHaveValue(/^\d+,\d{2}$/);
    await field.fill('1.234,50');
    await expect(approvals.adjustModal.getByTestId('adjust-submit')).toBeEnabled();
    const trace = approvals.adjustModal.getByTestId('price-trace');
    await expect(trace.getByTestId('trace-total')).toHaveText(formatMoney(123450, currency, 'de-DE'));
    await expect(approvals.adjustModal.getByTestId('adjust-preview')).toHaveAttribute('data-ready', 'true');
    await page.screenshot({ path: testInfo.outputPath('adjust-de.png') });
  });
});
