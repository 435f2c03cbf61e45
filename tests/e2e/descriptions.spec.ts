import type { ItemSummary } from '../../shared/contract';
import { expect, test, type ServedApp } from './fixtures';
import { DescriptionsSection, StartScreen } from './pages';

test.use({ seed: 'demo' });

function cliJson<T>(app: ServedApp, ...args: string[]): T {
  const result = app.cli(...args, '--json');
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as T;
}

test.describe('descriptions on the item page', () => {
  test('edit the French title, keep it across a reload, see it in the history, reset it', async ({
    app,
    page,
  }) => {
    // A graded, slightly damaged item of the demo with a recorded defect.
    const items = cliJson<{ rows: ItemSummary[] }>(app, 'items', 'list', '--limit', '100').rows;
    const item = items.find((i) => i.grade === 'lightly_damaged' && i.defectCount > 0)!;
    const generated = cliJson<{ title: string }>(app, 'describe', item.reference, '--lang', 'fr');

    await page.goto(app.url);
    await new StartScreen(page).pickProfile('Lea Brandt');
    await page.goto(`${app.origin}/#/items/${item.id}`);
    await expect(page.getByTestId('page-item')).toHaveAttribute('data-item-reference', item.reference);

    const descriptions = new DescriptionsSection(page);
    await descriptions.tab('fr').click();
    const fr = descriptions.panel('fr');
    await expect(fr).toHaveAttribute('data-kept', 'false');
    await expect(descriptions.title('fr')).toHaveText(generated.title);
    // Every sentence carries the facts it comes from; the defect is one of them.
    await expect(fr.locator('[data-fact^="defect:"]').first()).toBeVisible();
    await expect(fr.getByTestId('description-html')).toContainText('Pourquoi');

    const edited = `${item.title.split(' ').slice(0, 3).join(' ')} – légère rayure, prix réduit`;
    await descriptions.editTitle('fr', edited);
    await expect(fr).toHaveAttribute('data-kept', 'true');
    await expect(descriptions.title('fr')).toHaveText(edited);

    // Kept: still there after a reload, and the history says who edited it.
    await page.reload();
    await descriptions.tab('fr').click();
    await expect(descriptions.panel('fr')).toHaveAttribute('data-kept', 'true');
    await expect(descriptions.title('fr')).toHaveText(edited);
    await expect(page.getByTestId('history')).toContainText('Edited the French description');
    // The command line lists what the page shows.
    expect(cliJson<{ title: string }>(app, 'describe', item.reference, '--lang', 'fr').title).toBe(edited);

    // Reset: back to the generated title, and the history says so.
    await descriptions.panel('fr').getByTestId('description-reset').click();
    await expect(descriptions.panel('fr')).toHaveAttribute('data-kept', 'false');
    await expect(descriptions.title('fr')).toHaveText(generated.title);
    await expect(page.getByTestId('history')).toContainText(
      'Reset the French description to the generated draft',
    );
  });

  test('a defective item says why it has no description', async ({ app, page }) => {
    const items = cliJson<{ rows: ItemSummary[] }>(app, 'items', 'list', '--limit', '100').rows;
    const defective = items.find((i) => i.grade === 'defective')!;
    await page.goto(app.url);
    await new StartScreen(page).pickProfile('Lea Brandt');
    await page.goto(`${app.origin}/#/items/${defective.id}`);
    await expect(page.getByTestId('descriptions-refusal')).toContainText('Defective items are never listed');
  });
});

test.describe('description templates in Settings', () => {
  test('typing a heading updates the live preview; merchant markup stays text; issues show inline', async ({
    app,
    page,
  }) => {
    await page.goto(app.url);
    await new StartScreen(page).pickProfile();
    await page.goto(`${app.origin}/#/settings`);
    const editor = page.getByTestId('template-editor');
    await expect(editor.getByTestId('template-preview-html')).toContainText('Why is it discounted?');

    const heading = editor.getByTestId('template-field-heading');
    await heading.fill('Why <b>cheaper</b>? {oops}');
    const preview = editor.getByTestId('template-preview-html');
    await expect(preview).toContainText('Why <b>cheaper</b>? {oops}');
    await expect(preview.locator('b')).toHaveCount(0);
    await expect(editor).toContainText('{oops} is not filled here');

    await heading.fill('Why is this one cheaper?');
    await expect(preview).toContainText('Why is this one cheaper?');
    await expect(editor).not.toContainText('is not filled here');
  });
});
