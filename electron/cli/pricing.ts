import type { Command } from 'commander';
import type { ItemDetail, PersonView } from '../../shared/contract';
import { REJECT_REASONS, type PricingView, type RejectReason } from '../../shared/contract/pricing';
import { formatMoney } from '../../shared/domain/money';
import { AppError } from '../../shared/errors';
import { invoke } from './load';
import type { Workspace } from '../services/workspace';
import type { CliIo } from './index';
import { type CommonOptions, withCommon, withWorkspace } from './common';

/**
 * Pricing on the command line: print an item's price trace (proposing one when there is none or
 * the stored one is stale), and the merchant's decisions. Deciding acts for a person, so those
 * commands need `--as PROFILE` and go through the same role checks as the app's windows.
 */

/** An item by its Rebound reference (RB-000123) or its numeric id. */
async function itemOf(ws: Workspace, ref: string): Promise<ItemDetail> {
  if (/^\d+$/.test(ref)) return await invoke(ws, 'items.get', { id: Number(ref) });
  return await invoke(ws, 'items.getByReference', { reference: ref });
}

/** A profile by its name (case-insensitive) or id; the decision is recorded under it. */
async function profileOf(ws: Workspace, who: string | undefined, command: string): Promise<PersonView> {
  if (who === undefined || who.trim() === '') {
    throw new AppError(
      'unauthorized',
      `rebound ${command} decides for a person: pass --as PROFILE (a profile's name or id).`,
    );
  }
  const profiles = await invoke(ws, 'people.list', {});
  const key = who.trim().toLocaleLowerCase('en');
  const found = profiles.find((p) => String(p.id) === key || p.name.toLocaleLowerCase('en') === key);
  if (!found) {
    const known = profiles.map((p) => p.name).join(', ');
    throw new AppError('not_found', `There is no profile “${who}”.${known ? ` Profiles: ${known}.` : ''}`);
  }
  return found;
}

/** The trace as `rebound price --json` prints it: stable fields for scripts, labels in English. */
export function traceJson(view: PricingView) {
  const price = view.price;
  if (!price) throw new AppError('conflict', `Item ${view.reference} has no price.`);
  return {
    currency: view.currency,
    originalCents: price.originalCents,
    proposedCents: price.proposedCents,
    floorCents: price.floorCents,
    netCents: price.netCents,
    needsApproval: view.approvalReasons.length > 0,
    steps: price.steps.map((s) => ({ code: s.code, label: s.label, deltaCents: s.deltaCents })),
  };
}

function decisionText(view: PricingView): string {
  const price = view.price;
  if (!price) return '';
  switch (price.decision) {
    case 'pending':
      return view.stale ? 'stale: the item was regraded since' : 'waits for the merchant’s approval';
    case 'auto_approved':
      return 'approved by the pricing policy itself';
    case 'approved':
      return `approved by ${price.decidedBy ?? 'the merchant'}`;
    case 'adjusted':
      return `set and approved by ${price.decidedBy ?? 'the merchant'}${view.belowFloor ? ' (below the floor)' : ''}`;
    case 'rejected':
      return `rejected by ${price.decidedBy ?? 'the merchant'}`;
  }
}

function traceText(view: PricingView): string {
  const trace = traceJson(view);
  const m = (cents: number) => formatMoney(cents, trace.currency, 'en');
  const signed = (cents: number) => (cents < 0 ? `−${m(-cents)}` : `+${m(cents)}`);
  const lines = [`${view.reference}  original ${m(trace.originalCents)}`];
  for (const step of trace.steps) lines.push(`  ${signed(step.deltaCents).padStart(12)}  ${step.label}`);
  lines.push(
    `  proposed ${m(trace.proposedCents)} · floor ${m(trace.floorCents)} · net ${m(trace.netCents)}`,
    `  ${decisionText(view)}`,
  );
  return `${lines.join('\n')}\n`;
}

function toCents(value: string): number {
  if (!/^\d+$/.test(value)) {
    throw new AppError('bad_input', `--price is a whole number of cents (7999 for 79.99), got “${value}”.`);
  }
  return Number(value);
}

export function registerPricingCommands(program: Command, io: CliIo): void {
  const print = (options: CommonOptions, value: unknown, human: () => string) => {
    io.out(options.json ? `${JSON.stringify(value, null, 2)}\n` : human());
  };

  withCommon(program.command('price'))
    .description('show an item’s price and its trace, proposing one first if it has none (or a stale one)')
    .argument('<item>', 'the item’s reference (RB-000123) or id')
    .action(async (ref: string, options: CommonOptions) => {
      await withWorkspace(options, async (ws) => {
        const item = await itemOf(ws, ref);
        let view = await invoke(ws, 'pricing.get', { itemId: item.id });
        if (view.price === null || view.stale) {
          view = await invoke(ws, 'pricing.propose', { itemId: item.id });
        }
        print(options, traceJson(view), () => traceText(view));
      });
    });

  withCommon(program.command('approve'))
    .description(
      'approve an item’s proposed price, or set your own with --price (as the merchant’s approver)',
    )
    .argument('<item>', 'the item’s reference (RB-000123) or id')
    .option('--price <cents>', 'approve this price instead, in cents (the trace records it as manual)')
    .option('--note <text>', 'why the price was changed')
    .option('--as <profile>', 'who decides: a profile’s name or id (required)')
    .action(async (ref: string, options: CommonOptions & { price?: string; note?: string; as?: string }) => {
      await withWorkspace(options, async (ws) => {
        const profile = await profileOf(ws, options.as, 'approve');
        const item = await itemOf(ws, ref);
        if (!item.price) throw new AppError('conflict', `Item ${item.reference} has no price proposal yet.`);
        const context = { via: 'person', personId: profile.id, device: 'command line' } as const;
        const base = { itemId: item.id, priceId: item.price.id };
        const view = (
          options.price === undefined
            ? await invoke(ws, 'approvals.approve', base, context)
            : await invoke(
                ws,
                'approvals.adjust',
                {
                  ...base,
                  priceCents: toCents(options.price),
                  ...(options.note ? { note: options.note } : {}),
                },
                context,
              )
        ) as PricingView;
        print(options, traceJson(view), () => `Approved by ${profile.name}.\n${traceText(view)}`);
      });
    });

  withCommon(program.command('reject'))
    .description('reject an item’s proposed price (as the merchant’s approver)')
    .argument('<item>', 'the item’s reference (RB-000123) or id')
    .requiredOption('--reason <reason>', `what happens to the item: ${REJECT_REASONS.join(', ')}`)
    .option('--note <text>', 'a word for the desk')
    .option('--as <profile>', 'who decides: a profile’s name or id (required)')
    .action(async (ref: string, options: CommonOptions & { reason: string; note?: string; as?: string }) => {
      if (!(REJECT_REASONS as readonly string[]).includes(options.reason)) {
        throw new AppError(
          'bad_input',
          `Unknown reason “${options.reason}”. Reasons: ${REJECT_REASONS.join(', ')}.`,
        );
      }
      await withWorkspace(options, async (ws) => {
        const profile = await profileOf(ws, options.as, 'reject');
        const item = await itemOf(ws, ref);
        if (!item.price) throw new AppError('conflict', `Item ${item.reference} has no price proposal yet.`);
        const view = await invoke(
          ws,
          'approvals.reject',
          {
            itemId: item.id,
            priceId: item.price.id,
            reason: options.reason as RejectReason,
            ...(options.note ? { note: options.note } : {}),
          },
          { via: 'person', personId: profile.id, device: 'command line' },
        );
        print(
          options,
          view,
          () => `Price of ${view.reference} rejected by ${profile.name} (${options.reason}).\n`,
        );
      });
    });
}
