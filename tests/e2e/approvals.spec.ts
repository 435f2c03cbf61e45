import type { ApprovalQueue, ItemDetail } from '../../shared/contract';
import { formatMoney } from '../../shared/domain/money';
import { expect, test, type ServedApp } from './fixtures';
import { ApprovalsScreen, Shell, StartScreen } from './pages';

test.use({ seed: 'demo' });

const APPROVER = 'Siobhán Kelly';
const STAFF = 'Lea Brandt';

/** One item straight from the data folder, to check the screens against. */
function itemByReference(app: ServedApp, reference: string): ItemDetail {
  const result = app.cli('items', 'show', reference, '--json');
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as ItemDetail;
}

function waitingReferences(app: ServedApp): string[] {
  const result = app.cli('items', 'list', '--status', 'awaiting_approval', '--json', '--limit', '1000');
  expect(result.status, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { rows: { reference: string }[] }).rows.map((r) => r.reference);
}

test.describe('the merchant’s approval queue', () => {
  test('the approver adjusts a proposal, approves another, and both are in the history under their name', async ({
    app,
    page,
  }) => {
    await page.goto(app.url);
    await new StartScreen(page).pickProfile(APPROVER);
    const shell = new Shell(page);
    await expect(shell.actingProfile).toHaveText(APPROVER);
    await shell.goTo('approvals');
    const approvals = new ApprovalsScreen(page);
    const waiting = waitingReferences(app);
    await expect(approvals.rows).toHaveCount(waiting.length);

    // Open the first proposal and type a price of our own: the preview shows the manual step.
    const first = approvals.rows.first();
    const reference = (await first.getAttribute('data-reference'))!;
    await first.click();
    await expect(approvals.drawer).toHaveAttribute('data-item-reference', reference);
    const before = itemByReference(app, reference);
    const typedCents = before.price!.proposedCents - 500;
    const typed = `${Math.floor(typedCents / 100)}.${String(typedCents % 100).padStart(2, '0')}`;
    await approvals.adjustTo(typed);
    const preview = approvals.adjustModal.getByTestId('price-trace');
    await expect(preview.locator('[data-step="manual"]')).toBeVisible();
    await expect(preview.getByTestId('trace-total')).toHaveText(
      formatMoney(typedCents, before.currency, 'en-GB'),
    );
    await approvals.adjustModal.getByTestId('adjust-submit').click();
    await expect(approvals.adjustModal).toBeHidden();

    // The item left the queue; its stored trace ends on the manual step, decided by the approver.
    await expect(approvals.rows).toHaveCount(waiting.length - 1);
    const adjusted = itemByReference(app, reference);
    expect(adjusted.status).toBe('approved');
    expect(adjusted.price).toMatchObject({
      proposedCents: typedCents,
      decision: 'adjusted',
      decidedBy: APPROVER,
    });
    expect(adjusted.price!.steps.at(-1)!.code).toBe('manual');
    expect(adjusted.events[0]).toMatchObject({ kind: 'price.adjusted', actor: APPROVER });

    // A approves the selected row straight from the list.
    await page.keyboard.press('Escape');
    await expect(approvals.drawer).toBeHidden();
    const next = (await approvals.selectedRow.getAttribute('data-reference'))!;
    await page.keyboard.press('a');
    await expect(approvals.rows).toHaveCount(waiting.length - 2);
    expect(itemByReference(app, next).events[0]).toMatchObject({ kind: 'price.approved', actor: APPROVER });

    // The item page's history names the approver.
    await page.goto(`${app.origin}/#/items/${adjusted.id}`);
    const history = page.getByTestId('history');
    await expect(history).toContainText(`Price adjusted and approved by ${APPROVER}`);
    await expect(history).toContainText(APPROVER);
  });

  test('resale staff see the queue but may not decide, on screen and on the command line', async ({
    app,
    page,
  }) => {
    await page.goto(app.url);
    await new StartScreen(page).pickProfile(STAFF);
    await new Shell(page).goTo('approvals');
    const approvals = new ApprovalsScreen(page);
    await expect(page.getByTestId('approvals-readonly')).toContainText(STAFF);
    await expect(page.getByTestId('approve-selected')).toHaveCount(0);

    const first = approvals.rows.first();
    const reference = (await first.getAttribute('data-reference'))!;
    await first.click();
    await expect(approvals.drawer).toHaveAttribute('data-item-reference', reference);
    await expect(approvals.refusal).toBeVisible();
    await expect(approvals.decisionBar).toHaveCount(0);
    // The shortcut does nothing either.
    await page.keyboard.press('a');
    await expect(approvals.refusal).toBeVisible();
    expect(itemByReference(app, reference).status).toBe('awaiting_approval');

    // The same refusal, in words, from the command line.
    const refused = app.cli('approve', reference, '--as', STAFF);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${STAFF} is resale staff and cannot approve prices.`);

    // Over HTTP with this window's session, claiming to be someone else changes nothing.
    const approver = String(2);
    const data = { itemId: itemByReference(app, reference).id, priceId: 1 };
    const claimed = await page.request.post(`${app.origin}/api/call/approvals.approve`, {
      data,
      headers: { 'x-rebound-profile': approver },
    });
    expect(claimed.status()).toBe(403);
    // And without any session, the API refuses instead of acting as the system.
    const anonymous = await fetch(`${app.origin}/api/call/approvals.approve`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-rebound-profile': approver },
      body: JSON.stringify(data),
    });
    expect(anonymous.status).toBe(401);
    expect(itemByReference(app, reference).status).toBe('awaiting_approval');

    // Reading the queue is staff's too.
    const listed = await page.request.post(`${app.origin}/api/call/approvals.list`, { data: {} });
    const queue = (await listed.json()) as { ok: boolean; value: ApprovalQueue };
    expect(queue.value.waiting).toBeGreaterThan(0);
  });
});
