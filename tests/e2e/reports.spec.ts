import type { SalesList } from '../../shared/contract';
import { expect, test } from './fixtures';
import { ReportsScreen, Shell, StartScreen } from './pages';

test.use({ seed: 'demo' });

const BOOKKEEPER = 'Martin Vogel';
const CHARTS = ['months', 'grades', 'channels', 'handled', 'reasons', 'dispositions'] as const;

test.describe('reports, exports and statements for the bookkeeper', () => {
  test('the bookkeeper reads the charts, their numbers, exports the sales and opens a statement', async ({
    app,
    page,
  }) => {
    await page.goto(app.url);
    await new StartScreen(page).pickProfile(BOOKKEEPER);
    await new Shell(page).goTo('reports');
    const reports = new ReportsScreen(page);

    // Charts first; "Show numbers" swaps each for the same figures as a table, and back.
    for (const name of CHARTS) {
      await expect(reports.chart(name).locator('.recharts-surface')).toBeVisible();
    }
    await reports.showNumbers.click();
    for (const name of CHARTS) {
      await expect(reports.chart(name).getByTestId(`card-${name}-numbers`)).toBeVisible();
      await expect(reports.chart(name).locator('.recharts-surface')).toHaveCount(0);
    }
    await expect(page.getByTestId('sku-table')).toBeVisible();
    await expect(page.getByTestId('best-channels')).toBeVisible();

    // The whole ledger as CSV: the progress ends, and the row count is the ledger's.
    const ledger = (await (
      await page.request.post(`${app.origin}/api/call/sales.list`, { data: { limit: 1 } })
    ).json()) as { value: SalesList };
    const rows = ledger.value.total;
    expect(rows).toBeGreaterThan(0);
    await page.getByTestId('export-open').click();
    await expect(reports.exportForm).toBeVisible();
    await reports.exportForm.getByTestId('export-run').click();
    const result = reports.exportForm.getByTestId('export-result');
    await expect(result).toContainText(`Exported ${rows.toLocaleString('en-GB')} rows`);
    await expect(reports.exportForm.getByTestId('export-progress').getByRole('progressbar')).toHaveAttribute(
      'aria-valuenow',
      '100',
    );
    await expect(reports.exportForm.getByTestId('export-path')).toContainText('.csv');
    await page.keyboard.press('Escape');
    await expect(reports.exportForm).toBeHidden();

    // A merchant's monthly statement opens as a PDF in a new tab.
    await page.getByTestId('statement-open').click();
    await expect(reports.statementForm).toBeVisible();
    const popup = page.waitForEvent('popup');
    // The page's content policy keeps scripts from reading blob: URLs back, so the bytes are
    // checked as they came from the server, and the tab is checked to show them from a Blob URL.
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/call/statements.pdf'));
    await reports.statementForm.getByTestId('statement-run').click();
    const body = (await (await answer).json()) as {
      ok: boolean;
      value: { base64: string; fileName: string };
    };
    expect(body.ok).toBe(true);
    const head = Buffer.from(body.value.base64, 'base64').subarray(0, 4).toString('latin1');
    const tab = await popup;
    expect(tab.url()).toMatch(/^blob:/);
    await expect(reports.statementForm.getByTestId('statement-link')).toHaveText(body.value.fileName);
    expect(head).toBe('%PDF');
  });

  test('resale staff see the reports, and the month-end buttons say why they are not theirs', async ({
    app,
    page,
  }) => {
    await page.goto(app.url);
    await new StartScreen(page).pickProfile('Lea Brandt');
    await new Shell(page).goTo('reports');
    await expect(page.getByTestId('card-months')).toBeVisible();
    await expect(page.getByTestId('export-open')).toBeDisabled();
    await expect(page.getByTestId('statement-open')).toBeDisabled();
    await page.getByTestId('export-open').hover({ force: true });
    await expect(page.getByRole('tooltip')).toContainText('Only the bookkeeper or an administrator');
  });
});
