import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { ItemSummary } from '../../shared/contract';
import { shoot as shootFrame } from '../routing/shots';
import { expect, test, type ServedApp } from './fixtures';
import { PhotoDeskScreen, StartScreen } from './pages';

/**
 * The README's screenshots, taken from the demo workspace at 1440×900. Not a test of behaviour
 * (app.spec.ts is): it only runs when asked, `REBOUND_SCREENSHOTS=1 npx playwright test
 * tests/e2e/screenshots.spec.ts`, and writes docs/screenshots/<screen>-<language>.png.
 */
const OUT = path.resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots');

test.describe('README screenshots @screenshots', () => {
  test.skip(process.env.REBOUND_SCREENSHOTS !== '1', 'Screenshots are taken only with REBOUND_SCREENSHOTS=1');
  test.use({ seed: 'demo', reducedMotion: 'reduce', locale: 'en-GB', colorScheme: 'light' });
  test.setTimeout(120_000);

  function firstItem(app: ServedApp, ...args: string[]): ItemSummary {
    const result = app.cli('items', 'list', '--json', '--limit', '1000', ...args);
    expect(result.status, result.stderr).toBe(0);
    const rows = (JSON.parse(result.stdout) as { rows: ItemSummary[] }).rows;
    // The richest example: photos, defects and a price, so every panel has something to show.
    const rich = rows.find((row) => row.mainPhotoHash && row.defectCount > 0 && row.proposedCents !== null);
    return rich ?? rows[0]!;
  }

  async function settle(page: Page): Promise<void> {
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    // Runs in the page; typed by hand because this file is checked without the DOM library.
    await page.waitForFunction(() => {
      const { document } = globalThis as unknown as {
        document: { images: ArrayLike<{ complete: boolean }> };
      };
      return Array.from(document.images).every((img) => img.complete);
    });
  }

  async function shoot(page: Page, hash: string, testId: string, file: string): Promise<void> {
    await page.goto(new URL(`/${hash}`, page.url()).href);
    await expect(page.getByTestId(testId)).toBeVisible();
    await settle(page);
    // The test's throwaway folder would end up in the README; show the usual Linux location instead.
    await page
      .getByTestId('data-folder')
      .evaluateAll((nodes) => nodes.forEach((node) => (node.textContent = '~/.config/Rebound')));
    // Settings list the latest backup once its own query answers: wait for it before renaming.
    if (testId === 'people-table') await expect(page.getByTestId('backup-latest-file')).toBeVisible();
    await page
      .getByTestId('backup-latest-file')
      .evaluateAll((nodes) =>
        nodes.forEach(
          (node) =>
            (node.textContent = (node.textContent ?? '').replace(
              /^.*\/backups\//,
              '~/.config/Rebound/backups/',
            )),
        ),
      );
    await page.mouse.move(0, 899);
    await page.screenshot({ path: path.join(OUT, file), animations: 'disabled' });
  }

  async function setPreferences(
    page: Page,
    language: 'en' | 'fr' | 'de',
    theme: 'light' | 'dark',
  ): Promise<void> {
    const answer = await page.evaluate(
      async (patch) =>
        (
          await fetch('/api/call/settings.update', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(patch),
          })
        ).status,
      { language, theme },
    );
    expect(answer).toBe(200);
  }

  test('every screen in English, French and German', async ({ app, page, browser }) => {
    fs.mkdirSync(OUT, { recursive: true });
    const waiting = firstItem(app, '--status', 'awaiting_approval');
    const sold = firstItem(app, '--status', 'sold');
    const toGrade = firstItem(app, '--status', 'graded');

    await page.goto(app.url);
    const start = new StartScreen(page);
    await expect(start.profile()).toBeVisible();
    await page.screenshot({ path: path.join(OUT, 'start-en.png') });
    // Before anyone signs in, the start screen speaks the browser's language.
    for (const [language, locale] of [
      ['fr', 'fr-FR'],
      ['de', 'de-DE'],
    ] as const) {
      const visitor = await browser.newContext({
        reducedMotion: 'reduce',
        locale,
        viewport: { width: 1440, height: 900 },
      });
      const welcome = await visitor.newPage();
      await welcome.goto(app.url);
      await expect(new StartScreen(welcome).profile()).toBeVisible();
      await welcome.screenshot({ path: path.join(OUT, `start-${language}.png`) });
      await visitor.close();
    }
    // The desk as resale staff see it; money and people as the admin sees them.
    await start.pickProfile('Lea Brandt');
    const admin = await browser.newContext({ reducedMotion: 'reduce', locale: 'en-GB' });
    const office = await admin.newPage();
    await office.setViewportSize({ width: 1440, height: 900 });
    await office.goto(app.url);
    await new StartScreen(office).pickProfile('Nadia Okafor');
    // Shooting by label, a session under way: two items' labels, each followed by its shots.
    const graded = app.cli('items', 'list', '--json', '--status', 'graded', '--limit', '2');
    const [one, two] = (JSON.parse(graded.stdout) as { rows: ItemSummary[] }).rows;
    await office.goto(`${app.origin}/#/photos`);
    await new PhotoDeskScreen(office).shootByLabel();
    let seed = 300;
    const frame = { width: 2400, height: 1600, quality: 85 } as const;
    const session: { name: string; mimeType: string; buffer: Buffer }[] = [];
    for (const [n, item] of [one!, two!].entries()) {
      const shots = [
        await shootFrame({
          ...frame,
          seed: ++seed,
          label: { reference: item.reference, widthPx: 480, angle: -6 },
        }),
        await shootFrame({ ...frame, seed: ++seed }),
        await shootFrame({ ...frame, seed: ++seed }),
      ];
      shots.forEach((buffer, i) =>
        session.push({ name: `IMG_${4100 + n * 10 + i}.JPG`, mimeType: 'image/jpeg', buffer }),
      );
    }
    await office.getByTestId('routing-file-input').setInputFiles(session);
    await expect(office.getByTestId('routed-photo')).toHaveCount(session.length, { timeout: 60_000 });
    // The queue as the merchant's approver sees it, with the decisions they can take.
    // A browser context shares one session cookie: each person gets a context of their own.
    const merchant = await browser.newContext({ reducedMotion: 'reduce', locale: 'en-GB' });
    const approverPage = await merchant.newPage();
    await approverPage.setViewportSize({ width: 1440, height: 900 });
    await approverPage.goto(app.url);
    await new StartScreen(approverPage).pickProfile('Siobhán Kelly');
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      reducedMotion: 'reduce',
    });
    const phonePage = await phone.newPage();
    await phonePage.goto(app.url);
    await new StartScreen(phonePage).pickProfile('Siobhán Kelly');

    for (const language of ['en', 'fr', 'de'] as const) {
      await setPreferences(page, language, 'light');
      await phonePage.goto(`${app.origin}/#/approvals`);
      await expect(phonePage.getByTestId('phone-card').first()).toBeVisible();
      await settle(phonePage);
      await phonePage.screenshot({ path: path.join(OUT, `phone-approvals-${language}.png`) });
      await shoot(page, `#/intake/${waiting.id}`, 'item-panel', `intake-${language}.png`);
      await shoot(page, `#/intake/${toGrade.id}`, 'item-panel', `intake-grading-${language}.png`);
      await shoot(page, `#/photos/${waiting.id}`, 'photo-workspace', `photos-${language}.png`);
      await shoot(approverPage, '#/approvals', 'approvals-table', `approvals-${language}.png`);
      await shoot(
        approverPage,
        `#/approvals/${waiting.id}`,
        'approval-details',
        `approvals-drawer-${language}.png`,
      );
      await shoot(page, '#/listings', 'listings-table', `listings-${language}.png`);
      await shoot(office, '#/photos', 'routing-view', `photos-by-label-${language}.png`);
      await shoot(office, '#/sales', 'sales-table', `sales-${language}.png`);
      await shoot(office, '#/reports', 'chart-grades', `reports-${language}.png`);
      await shoot(office, '#/settings', 'people-table', `settings-${language}.png`);
      await shoot(office, `#/items/${sold.id}`, 'page-item', `item-${language}.png`);
    }
    await admin.close();
    await phone.close();

    await setPreferences(page, 'en', 'dark');
    await shoot(page, `#/intake/${waiting.id}`, 'item-panel', 'intake-en-dark.png');
    await shoot(approverPage, '#/approvals', 'approvals-table', 'approvals-en-dark.png');
    await merchant.close();
    await setPreferences(page, 'en', 'light');
  });
});
