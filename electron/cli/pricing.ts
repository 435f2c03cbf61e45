import type { Command } from 'commander';
import type { ItemDetail, PersonView, PriceStep } from '../../shared/contract';
import { REJECT_REASONS, type PricingView, type RejectReason } from '../../shared/contract/pricing';
import { formatMoney } from '../../shared/domain/money';
import { AppError } from '../../shared/errors';
import { labelFor, type StepDetail } from '../../shared/pricing';
import { invoke } from './load';
import type { Workspace } from '../services/workspace';
import type { CliIo } from './index';
import { type CommonOptions, withCommon, withWorkspace } from './common';
import { wordsIn, type Words } from './texts';
import { PRICING_TEXTS } from './texts/pricing';

type T = Words<keyof typeof PRICING_TEXTS & string>;

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
async function profileOf(ws: Workspace, who: string | undefined, command: string, t: T): Promise<PersonView> {
  if (who === undefined || who.trim() === '') {
    throw new AppError('unauthorized', t('profile.needed', { command }));
  }
  const profiles = await invoke(ws, 'people.list', {});
  const key = who.trim().toLocaleLowerCase('en');
  const found = profiles.find((p) => String(p.id) === key || p.name.toLocaleLowerCase('en') === key);
  if (!found) {
    const known = profiles.map((p) => p.name).join(', ');
    throw new AppError(
      'not_found',
      `${t('profile.unknown', { who })}${known ? t('profile.known', { names: known }) : ''}`,
    );
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

function decisionText(t: T, view: PricingView): string {
  const price = view.price;
  if (!price) return '';
  const name = price.decidedBy ?? t('decision.theMerchant');
  switch (price.decision) {
    case 'pending':
      return t(view.stale ? 'decision.stale' : 'decision.pending');
    case 'auto_approved':
      return t('decision.auto');
    case 'approved':
      return t('decision.approved', { name });
    case 'adjusted':
      return t(view.belowFloor ? 'decision.adjustedBelowFloor' : 'decision.adjusted', { name });
    case 'rejected':
      return t('decision.rejected', { name });
  }
}

/**
 * A step's label in the run's language, rebuilt from its code and params (as the item screen
 * does); in English, or for a step this version does not know, the label it was stored with.
 */
function stepLabel(t: T, step: PriceStep): string {
  const params = (step as { params?: unknown }).params;
  if (t.language === 'en' || typeof params !== 'object' || params === null) return step.label;
  try {
    const label = labelFor({ code: step.code, params } as StepDetail, t.language) as string | undefined;
    return label && !label.includes('undefined') ? label : step.label;
  } catch {
    return step.label;
  }
}

function traceText(t: T, view: PricingView): string {
  const trace = traceJson(view);
  // English keeps 'en' ("$12.00", not en-GB's "US$12.00").
  const m = (cents: number) => formatMoney(cents, trace.currency, t.language === 'en' ? 'en' : t.locale);
  const signed = (cents: number) => (cents < 0 ? `−${m(-cents)}` : `+${m(cents)}`);
  const lines = [t('trace.original', { reference: view.reference, original: m(trace.originalCents) })];
  const steps = view.price?.steps ?? [];
  for (const step of steps) lines.push(`  ${signed(step.deltaCents).padStart(12)}  ${stepLabel(t, step)}`);
  lines.push(
    `  ${t('trace.totals', { proposed: m(trace.proposedCents), floor: m(trace.floorCents), net: m(trace.netCents) })}`,
    `  ${decisionText(t, view)}`,
  );
  return `${lines.join('\n')}\n`;
}

function toCents(t: T, value: string): number {
  if (!/^\d+$/.test(value)) {
    throw new AppError('bad_input', t('price.notCents', { value }));
  }
  return Number(value);
}

export function registerPricingCommands(program: Command, io: CliIo): void {
  const t = wordsIn(PRICING_TEXTS, io.language);
  /** An error's words: with --json, errors stay English whatever the language (cli/language.ts). */
  const errorWords = (options: CommonOptions): T => (options.json ? wordsIn(PRICING_TEXTS, 'en') : t);
  const print = (options: CommonOptions, value: unknown, human: () => string) => {
    io.out(options.json ? `${JSON.stringify(value, null, 2)}\n` : human());
  };

  withCommon(program.command('price'))
    .description(t('price.description'))
    .argument('<item>', t('argument.item'))
    .action(async (ref: string, options: CommonOptions) => {
      await withWorkspace(options, async (ws) => {
        const item = await itemOf(ws, ref);
        let view = await invoke(ws, 'pricing.get', { itemId: item.id });
        if (view.price === null || view.stale) {
          view = await invoke(ws, 'pricing.propose', { itemId: item.id });
        }
        print(options, traceJson(view), () => traceText(t, view));
      });
    });

  withCommon(program.command('approve'))
    .description(t('approve.description'))
    .argument('<item>', t('argument.item'))
    .option('--price <cents>', t('approve.price'))
    .option('--note <text>', t('approve.note'))
    .option('--as <profile>', t('option.as'))
    .action(async (ref: string, options: CommonOptions & { price?: string; note?: string; as?: string }) => {
      await withWorkspace(options, async (ws) => {
        const profile = await profileOf(ws, options.as, 'approve', errorWords(options));
        const item = await itemOf(ws, ref);
        if (!item.price) {
          throw new AppError('conflict', errorWords(options)('noProposal', { reference: item.reference }));
        }
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
                  priceCents: toCents(errorWords(options), options.price),
                  ...(options.note ? { note: options.note } : {}),
                },
                context,
              )
        ) as PricingView;
        print(
          options,
          traceJson(view),
          () => `${t('approvedBy', { name: profile.name })}\n${traceText(t, view)}`,
        );
      });
    });

  withCommon(program.command('reject'))
    .description(t('reject.description'))
    .argument('<item>', t('argument.item'))
    .requiredOption('--reason <reason>', t('reject.reason', { reasons: REJECT_REASONS.join(', ') }))
    .option('--note <text>', t('reject.note'))
    .option('--as <profile>', t('option.as'))
    .action(async (ref: string, options: CommonOptions & { reason: string; note?: string; as?: string }) => {
      if (!(REJECT_REASONS as readonly string[]).includes(options.reason)) {
        throw new AppError(
          'bad_input',
          errorWords(options)('reject.unknownReason', {
            reason: options.reason,
            reasons: REJECT_REASONS.join(', '),
          }),
        );
      }
      await withWorkspace(options, async (ws) => {
        const profile = await profileOf(ws, options.as, 'reject', errorWords(options));
        const item = await itemOf(ws, ref);
        if (!item.price) {
          throw new AppError('conflict', errorWords(options)('noProposal', { reference: item.reference }));
        }
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
          () =>
            `${t('rejected', { reference: view.reference, name: profile.name, reason: options.reason })}\n`,
        );
      });
    });
}
