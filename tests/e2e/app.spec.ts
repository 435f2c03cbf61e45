import type { ItemSummary } from '../../shared/contract';
import { formatMoney } from '../../shared/domain/money';
import { expect, test, type ServedApp } from './fixtures';
import { ApprovalsScreen, IntakeScreen, SettingsScreen, Shell, StartScreen } from './pages';

/** Items straight from the data folder through the CLI, to check the screens against. */
function listItems(app: ServedApp, ...args: string[]): { rows: ItemSummary[]; total: number } {
  const result = app.cli('items', 'list', '--json', '--limit', '1000', ...args);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { rows: ItemSummary[]; total: number };
}

test.describe('a day at the desk', () => {
  // The demo is created through the start screen here (photos rendered, four passwords hashed):
  // on a busy two-core machine that alone has taken half a minute.
  test.describe.configure({ timeout: 120_000 });

  test('from an empty workspace to the demo, through intake and approvals', async ({ app, page }) => {
    // Morning: a fresh install. The start screen says what Rebound is and offers the demo.
    await page.goto(app.url);
    const start = new StartScreen(page);
    await expect(start.explanation).toBeVisible();
    await expect(start.openDemoButton).toBeVisible();
    await start.openDemo();
    const name = await start.pickProfile();

    const shell = new Shell(page);
    const intake = new IntakeScreen(page);
    await expect(intake.root).toBeVisible();
    await expect(shell.actingProfile).toHaveText(name);
    await expect(shell.demoBadge).toBeVisible();

    // The queue lists the items still to work on at the desk.
    const queue = listItems(app, '--status', 'received', '--status', 'graded');
    await expect(intake.list).toHaveAttribute('data-total', String(queue.total));
    await expect(intake.rows.first()).toBeVisible();

    // Filtering by grade shows only that grade.
    await intake.showAllStatuses();
    const used = listItems(app, '--grade', 'used');
    expect(used.total).toBeGreaterThan(0);
    await intake.filterByGrade('Used');
    await expect(intake.list).toHaveAttribute('data-total', String(used.total));
    await expect(intake.list.locator('[data-grade]:not([data-grade="used"])')).toHaveCount(0);

    // A scan lands in the scan field without a click and opens the item, even one outside the queue.
    const sold = listItems(app, '--status', 'sold').rows[0]!;
    await expect(intake.scanField).toBeFocused();
    await intake.scan(sold.reference);
    await expect(intake.panel).toHaveAttribute('data-item-reference', sold.reference);
    await expect(intake.panel.getByTestId('item-title')).toHaveText(sold.title);
    await expect(intake.scanField).toHaveValue('');

    // Approvals: what waits for the merchant, oldest first, with the price trace in the drawer.
    await shell.goTo('approvals');
    const approvals = new ApprovalsScreen(page);
    const waiting = listItems(app, '--status', 'awaiting_approval');
    expect(waiting.total).toBeGreaterThan(1);
    await expect(approvals.rows).toHaveCount(waiting.total);
    await expect(approvals.counter).toContainText(String(waiting.total));
    await expect(shell.navLink('approvals')).toContainText(String(waiting.total));

    // j moves the selection down; Enter opens it.
    const second = approvals.rows.nth(1);
    const reference = (await second.getAttribute('data-reference'))!;
    await page.keyboard.press('j');
    await expect(approvals.selectedRow).toHaveAttribute('data-reference', reference);
    await page.keyboard.press('Enter');
    await expect(approvals.drawer).toHaveAttribute('data-item-reference', reference);

    const item = waiting.rows.find((row) => row.reference === reference)!;
    await expect(approvals.trace.locator('tbody tr')).not.toHaveCount(0);
    await expect(approvals.traceTotal).toHaveText(formatMoney(item.proposedCents!, item.currency, 'en-GB'));
    await expect(approvals.drawer.getByTestId('proposed-price')).toHaveText(
      formatMoney(item.proposedCents!, item.currency, 'en-GB'),
    );

    // A scan anywhere opens the item page; so does its reference in the command palette.
    await page.keyboard.press('Escape');
    await expect(approvals.drawer).toBeHidden();
    await intake.scan(sold.reference);
    await expect(page.getByTestId('page-item')).toHaveAttribute('data-item-reference', sold.reference);

    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog').getByRole('textbox');
    await expect(palette).toBeFocused();
    await page.keyboard.type(reference);
    await expect(page.getByRole('dialog').getByText(`Open item ${reference}`)).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('page-item')).toHaveAttribute('data-item-reference', reference);
  });
});

test.describe('preferences', () => {
  test.use({ seed: 'demo' });

  test('until someone chooses, each window speaks its system’s language, from the first screen on', async ({
    app,
    browser,
  }) => {
    for (const [locale, signIn, intake] of [
      ['fr-FR', 'Connexion', 'Réception'],
      ['de-DE', 'Anmelden', 'Wareneingang'],
    ] as const) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto(app.url);
      await expect(page.locator('html')).toHaveAttribute('lang', locale.slice(0, 2));
      await expect(page.getByRole('heading', { name: signIn })).toBeVisible();
      // Signed in, the workspace (which has no language of its own yet) does not turn it English.
      await new StartScreen(page).pickProfile();
      await expect(new Shell(page).navLink('intake')).toContainText(intake);
      await page.reload();
      await expect(new Shell(page).navLink('intake')).toContainText(intake);
      await context.close();
    }
  });

  test('French and the dark theme apply at once and are kept by the workspace', async ({
    app,
    page,
    browser,
  }) => {
    await page.goto(app.url);
    await new StartScreen(page).pickProfile();
    const shell = new Shell(page);
    await shell.goTo('settings');

    const settings = new SettingsScreen(page);
    await settings.chooseLanguage('Français');
    await expect(shell.navLink('intake')).toContainText('Réception');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Paramètres');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

    await settings.chooseTheme('Sombre');
    await expect(settings.colorScheme).toHaveAttribute('data-mantine-color-scheme', 'dark');

    // Both choices are stored in the workspace. A new window (nothing in its storage) speaks its
    // browser's language until someone signs in, then the workspace's.
    const other = await browser.newContext({ colorScheme: 'light', locale: 'en-GB' });
    const fresh = await other.newPage();
    await fresh.goto(app.url);
    await expect(fresh.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await new StartScreen(fresh).pickProfile();
    await expect(new Shell(fresh).navLink('intake')).toContainText('Réception');
    await expect(fresh.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await other.close();

    await settings.chooseLanguage('English');
    await settings.chooseTheme('Light');
    await expect(shell.navLink('intake')).toContainText('Intake');
    await expect(settings.colorScheme).toHaveAttribute('data-mantine-color-scheme', 'light');
  });
});
