import type { z } from 'zod';
import {
  contract,
  isMethodName,
  type CallContext,
  type Contract,
  type Envelope,
  type MethodName,
  type Output,
  type ParsedInputOf,
} from '../../shared/contract';
import type { Role } from '../../shared/domain/status';
import { AppError, type ErrorData } from '../../shared/errors';
import { SYSTEM_ACTOR, type Actor } from './actor';
import { channelsHandlers } from './channels/handlers';
import { descriptionsHandlers } from './descriptions/handlers';
import { ebayHandlers } from './channels/ebay/handlers';
import { shopsHandlers } from './channels/shops-handlers';
import { createDemoWorkspace } from './demo';
import { exportsHandlers } from './exports/handlers';
import { intakeHandlers } from './intake/handlers';
import { photosHandlers } from './photos/handlers';
import { pricingHandlers } from './pricing/handlers';
import { forbiddenMessage } from './pricing/service';
import { countItems, getItem, getItemByReference, listItems } from './items';
import { listListings } from './listings';
import { createMerchant, getMerchant, listMerchants, listProfiles } from './merchants';
import { reportsOverview, reportsReturns } from './reports';
import { listSales } from './sales';
import { unitsHandlers } from './units/handlers';
import { getSettings, isDemoWorkspace, updateSettings } from './settings';
import { APP_VERSION } from './version';
import type { Workspace } from './workspace';

export interface HandlerContext {
  readonly ws: Workspace;
  readonly actor: Actor;
}

export type Handlers = {
  readonly [M in MethodName]: (input: ParsedInputOf<Contract[M]>, ctx: HandlerContext) => Promise<Output<M>>;
};

/**
 * The implementation of every method in the contract. Adding a method to the contract without
 * a handler here is a type error, and so is a handler whose output differs from the contract.
 */
export const handlers: Handlers = {
  'workspace.status': async (_input, { ws }) => {
    const counts = await ws.kysely
      .selectFrom('items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const merchants = await ws.kysely
      .selectFrom('merchants')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const itemCount = Number(counts.n);
    const merchantCount = Number(merchants.n);
    return {
      dataDir: ws.dataDir,
      schemaVersion: ws.db.schemaVersion,
      appVersion: APP_VERSION,
      itemCount,
      merchantCount,
      isEmpty: itemCount === 0 && merchantCount === 0,
      isDemo: await isDemoWorkspace(ws),
    };
  },
  'workspace.createDemo': async (_input, { ws, actor }) => createDemoWorkspace(ws, actor),
  'settings.get': async (_input, { ws }) => getSettings(ws),
  'settings.update': async (input, { ws }) => updateSettings(ws, input),
  'merchants.list': async (_input, { ws }) => listMerchants(ws),
  'merchants.get': async (input, { ws }) => getMerchant(ws, input.id),
  'merchants.create': async (input, { ws, actor }) => createMerchant(ws, actor, input),
  'profiles.list': async (_input, { ws }) => listProfiles(ws),
  'items.list': async (input, { ws }) => listItems(ws, input),
  'items.get': async (input, { ws }) => getItem(ws, input.id),
  'items.getByReference': async (input, { ws }) => getItemByReference(ws, input.reference),
  'items.counts': async (input, { ws }) => countItems(ws, input.merchantId),
  'listings.list': async (input, { ws }) => listListings(ws, input),
  'sales.list': async (input, { ws }) => listSales(ws, input),
  'reports.overview': async (input, { ws }) => reportsOverview(ws, input),
  'reports.returns': async (input, { ws }) => reportsReturns(ws, input),
  ...intakeHandlers,
  ...photosHandlers,
  ...pricingHandlers,
  ...exportsHandlers,
  ...channelsHandlers,
  ...descriptionsHandlers,
  ...ebayHandlers,
  ...shopsHandlers,
  ...unitsHandlers,
};

async function resolveActor(ws: Workspace, context: CallContext): Promise<Actor> {
  if (context.profileId === undefined) return SYSTEM_ACTOR;
  const profile = await ws.kysely
    .selectFrom('profiles')
    .select(['id', 'name', 'role', 'merchant_id'])
    .where('id', '=', context.profileId)
    .executeTakeFirst();
  if (!profile) throw new AppError('unauthorized', `Profile ${context.profileId} does not exist.`);
  return {
    profileId: profile.id,
    name: profile.name,
    role: profile.role as Role,
    merchantId: profile.merchant_id,
  };
}

/** A workspace with no profile yet (first run) has nobody to act for: the system acts. */
async function hasProfiles(ws: Workspace): Promise<boolean> {
  const row = await ws.kysely.selectFrom('profiles').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * The single entry point of every transport: checks the method name, validates the input with
 * the contract's schema, resolves who is acting and whether they may, then runs the handler.
 */
export async function dispatch(
  ws: Workspace,
  methodName: unknown,
  rawInput: unknown,
  context: CallContext = {},
): Promise<unknown> {
  if (!isMethodName(methodName)) {
    throw new AppError('not_found', `Unknown method: ${String(methodName)}`);
  }
  const spec = contract[methodName];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    throw new AppError('bad_input', `Invalid input for ${methodName}: ${describeZodError(parsed.error)}`, {
      issues: parsed.error.issues,
    });
  }
  const actor = await resolveActor(ws, context);
  const roles = 'roles' in spec ? (spec.roles as readonly Role[] | undefined) : undefined;
  // Over IPC and HTTP a call without a profile would otherwise act as the system and pass every
  // role check: anyone with the window (or the token) could approve prices.
  if (roles && actor.role === null && context.requireProfile && (await hasProfiles(ws))) {
    throw new AppError(
      'unauthorized',
      `Choose a profile on the Start screen first: ${methodName} needs one.`,
    );
  }
  if (roles && actor.role !== null && !roles.includes(actor.role)) {
    throw new AppError('forbidden', forbiddenMessage(actor, methodName));
  }
  const handler = handlers[methodName] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
  return handler(parsed.data, { ws, actor });
}

export function toErrorData(error: unknown): ErrorData {
  if (error instanceof AppError) return error.toData();
  // Unknown errors keep their message for the log but reach the user as a plain sentence.
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Something went wrong inside Rebound: ${message}` };
}

/** dispatch() wrapped into the wire envelope used by IPC and HTTP. */
export async function dispatchEnvelope(
  ws: Workspace,
  methodName: unknown,
  rawInput: unknown,
  context: CallContext = {},
): Promise<Envelope<unknown>> {
  try {
    return { ok: true, value: await dispatch(ws, methodName, rawInput, context) };
  } catch (error) {
    return { ok: false, error: toErrorData(error) };
  }
}
