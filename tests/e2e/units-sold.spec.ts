import { expect, screenshotPath, test } from './fixtures';
import { Shell, StartScreen } from './pages';

test.use({ seed: 'demo' });

test.describe('reports: the merchant’s units sold and the selling figures', () => {
  test('the bookkeeper imports units sold per SKU and the return rate appears; a bad file is refused by line', async ({
    app,
    page,
  }) => {
    await page.goto(app.url);
    await new StartScreen(page).pickProfile('Martin Vogel');
    await new Shell(page).goTo('reports');
    await expect(page.getByTestId('card-sell-through').locator('.recharts-surface').first()).toBeVisible();
    {
      await page.getByTestId('card-sell-through').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath('reports-sell-through.png') });
    }
    // The same figures as a table, one click away.
    await page.getByTestId('show-numbers').click();
    const numbers = page.getByTestId('card-sell-through-numbers');
    await expect(numbers).toBeVisible();
    await expect(numbers.locator('tbody tr').first()).toContainText('%');
    await page.screenshot({ path: screenshotPath('reports-sell-through-numbers.png') });
    await page.getByTestId('show-numbers').click();

    const row = page.getByTestId('sku-table').locator('tr', { hasText: 'AUR-DR700-BK' });
    await expect(row).toBeVisible();

    // A file with a bad line changes nothing, and says which line and why.
    await page.getByTestId('units-open').click();
    const form = page.getByTestId('units-form');
    await expect(form).toBeVisible();
    await form.getByTestId('import-file').setInputFiles({
      name: 'units.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('\ufeffSKU;Units sold\r\nAUR-DR700-BK;1.000\r\nAUR-DR700-SD;-4\r\n'),
    });
    await expect(form.getByTestId('units-result')).toHaveAttribute('data-applied', 'false');
    await expect(form.getByTestId('import-errors').locator('tr[data-line="3"]')).toContainText('negative');
    await page.screenshot({ path: screenshotPath('units-refused.png') });

    // The corrected file: updated, the unknown SKU listed, and the table shows the rate.
    await form.getByTestId('import-file').setInputFiles({
      name: 'units.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('\ufeffSKU;Units sold\r\nAUR-DR700-BK;1.000\r\nNOT-IN-CATALOGUE;12\r\n'),
    });
    await expect(form.getByTestId('units-result')).toHaveAttribute('data-applied', 'true');
    await expect(form.getByTestId('units-unknown')).toContainText('NOT-IN-CATALOGUE');
    await page.screenshot({ path: screenshotPath('units-applied.png') });
    await page.keyboard.press('Escape');
    await expect(row).toContainText('1,000');
    await expect(row).toContainText('%');
    {
      await page.getByTestId('sku-table').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath('reports-sku-table.png') });
    }
  });
});
