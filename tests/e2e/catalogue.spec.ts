import type { ScanResult } from '../../shared/contract';
import { expect, test, type ServedApp } from './fixtures';
import { SettingsScreen, Shell, StartScreen } from './pages';

test.use({ seed: 'demo' });
// Creating the demo workspace alone can take half a minute on a busy machine.
test.describe.configure({ timeout: 120_000 });

/** A valid EAN-13 from twelve digits (the check digit is what the server verifies). */
function ean13(first12: string): string {
  const sum = [...first12].reduce((acc, digit, i) => acc + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return first12 + String((10 - (sum % 10)) % 10);
}

function scan(app: ServedApp, code: string): ScanResult {
  const result = app.cli('intake', 'scan', code, '--json');
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as ScanResult;
}

test('the admin edits a merchant and its catalogue, by hand and from a CSV', async ({
  app,
  page,
}, testInfo) => {
  // In-store prefix 20…: never a real product, so never one of the demo catalogue's codes.
  const lampEan = ean13('200000000011');
  const kettleEan = ean13('200000000022');

  await page.goto(app.url);
  await new StartScreen(page).pickProfile('Nadia Okafor');
  await new Shell(page).goTo('settings');
  const section = page.getByTestId('merchants-catalogue');
  const merchantRow = section.locator('[data-merchant="Larkfield Home & Tech"]').first();

  // The return window: below the legal 14 days is explained before anything is sent.
  await merchantRow.getByTestId('merchant-edit').click();
  const merchantModal = page.getByTestId('merchant-modal');
  // A currency change is refused by the server once the merchant has items, in plain words.
  await merchantModal.getByTestId('merchant-currency').click();
  await page.getByRole('option', { name: 'GBP', exact: true }).click();
  await merchantModal.getByTestId('merchant-save').click();
  await expect(merchantModal.getByTestId('merchant-error')).toContainText('currency');
  await merchantModal.getByTestId('merchant-currency').click();
  await page.getByRole('option', { name: 'EUR', exact: true }).click();
  await merchantModal.getByTestId('merchant-window').fill('10');
  await expect(merchantModal).toContainText('Between 14 and 365 days.');
  await merchantModal.getByTestId('merchant-window').fill('45');
  await merchantModal.getByTestId('merchant-save').click();
  await expect(merchantModal.getByTestId('merchant-save')).toBeHidden();
  await expect(merchantRow.getByTestId('merchant-window-days')).toHaveText('45 days');

  // A new product by hand.
  const catalogue = page.getByTestId('catalogue-section');
  await catalogue.getByTestId('product-add').click();
  const productModal = page.getByTestId('product-modal');
  await productModal.getByTestId('product-sku').fill('E2E-LAMP-01');
  await productModal.getByTestId('product-ean').fill(lampEan);
  await productModal.getByTestId('product-brand').fill('Brightway');
  await productModal.getByTestId('product-title').fill('Brightway desk lamp, brass');
  await productModal.getByTestId('product-price').fill('49.90');
  await productModal.getByTestId('product-save').click();
  await expect(productModal.getByTestId('product-save')).toBeHidden();

  await catalogue.getByTestId('catalogue-search').fill('E2E-LAMP');
  const lampRow = catalogue.locator('[data-sku="E2E-LAMP-01"]');
  await expect(lampRow.getByTestId('product-price-cell')).toHaveText('€49.90');

  // Its price and expected accessories edited (accessories as tags: Enter after each).
  await lampRow.getByTestId('product-edit').click();
  await productModal.getByTestId('product-price').fill('59');
  await productModal.getByTestId('product-accessories').fill('Power adapter');
  await page.keyboard.press('Enter');
  await productModal.getByTestId('product-accessories').fill('Lamp shade');
  await page.keyboard.press('Enter');
  await productModal.getByTestId('product-save').click();
  await expect(productModal.getByTestId('product-save')).toBeHidden();
  await expect(lampRow.getByTestId('product-price-cell')).toHaveText('€59.00');
  await expect(lampRow.getByTestId('product-accessories-cell')).toContainText('Power adapter');
  await expect(lampRow.getByTestId('product-accessories-cell')).toContainText('Lamp shade');

  // A catalogue CSV: one new product, one new SKU without a price (refused, line 3), the lamp again.
  const csv = [
    'SKU;EAN;Title;Brand;Price;Accessories',
    `E2E-KETTLE-01;${kettleEan};Glass kettle 1.7 l;Brightway;39,90;Base|Limescale filter`,
    'E2E-KETTLE-02;;Kettle without a price;Brightway;;',
    'E2E-LAMP-01;;;;;',
  ].join('\r\n');
  await catalogue.getByTestId('catalogue-import').click();
  const importModal = page.getByTestId('catalogue-import-modal');
  await importModal.getByTestId('import-file').setInputFiles({
    name: 'catalogue.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await expect(importModal.getByTestId('import-table')).toContainText('E2E-KETTLE-01');
  await expect(importModal.getByTestId('import-table').locator('[data-column="Price"]')).toHaveValue(
    'Original price',
  );
  await page.screenshot({ path: testInfo.outputPath('catalogue-import-preview-en.png') });
  await importModal.getByTestId('import-run').click();
  await expect(importModal.getByTestId('import-created')).toHaveAttribute('data-count', '1');
  await expect(importModal.getByTestId('import-unchanged')).toHaveAttribute('data-count', '1');
  await expect(importModal.getByTestId('import-error-count')).toHaveAttribute('data-count', '1');
  await expect(importModal.getByTestId('import-errors').locator('[data-line="3"]')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('catalogue-import-report-en.png') });
  await importModal.getByRole('button', { name: 'Close' }).click();
  await expect(importModal.getByTestId('import-report')).toBeHidden();

  // What the desk's scanner now finds, through the CLI on the same data folder.
  const lamp = scan(app, lampEan);
  expect(lamp.kind).toBe('product');
  if (lamp.kind === 'product') {
    expect(lamp.product).toMatchObject({ sku: 'E2E-LAMP-01', originalCents: 5900 });
    expect(lamp.product.accessories).toEqual(['Power adapter', 'Lamp shade']);
  }
  const kettle = scan(app, kettleEan);
  expect(kettle.kind).toBe('product');
  if (kettle.kind === 'product') {
    expect(kettle.product).toMatchObject({ sku: 'E2E-KETTLE-01', originalCents: 3990 });
  }

  // The section as it looks, in English (light) and French (dark), for review.
  await catalogue.getByTestId('catalogue-search').fill('E2E');
  await expect(catalogue.locator('[data-sku="E2E-KETTLE-01"]')).toBeVisible();
  await section.screenshot({ path: testInfo.outputPath('catalogue-en-light.png') });
  const settings = new SettingsScreen(page);
  await settings.chooseLanguage('Français');
  await settings.chooseTheme('Sombre');
  await expect(settings.colorScheme).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expect(section).toContainText('Marchands et catalogue');
  await section.screenshot({ path: testInfo.outputPath('catalogue-fr-dark.png') });
  await merchantRow.getByTestId('merchant-edit').click();
  await expect(merchantModal.getByTestId('merchant-save')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('merchant-modal-fr-dark.png') });
});
