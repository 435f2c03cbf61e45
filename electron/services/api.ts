import type { z } from 'zod';
import {
  contract,
  isMethodName,
  type CallContext,
  type Contract,
  type Envelope,
  type Input,
  type MethodName,
  type Output,
  type ParsedInputOf,
} from '../../shared/contract';
import { RULES, type MerchantScope, type Person } from '../../shared/access';
import { AppError, type ErrorData } from '../../shared/errors';
import { list, say } from '../../shared/messages';
import { SYSTEM_ACTOR, type Actor } from './actor';
import { channelsHandlers } from './channels/handlers';
import { descriptionsHandlers } from './descriptions/handlers';
import { ebayHandlers } from './channels/ebay/handlers';
import { shopsHandlers } from './channels/shops-handlers';
import { exportsHandlers } from './exports/handlers';
import { intakeHandlers } from './intake/handlers';
import { photosHandlers } from './photos/handlers';
import { pricingHandlers } from './pricing/handlers';
import { authorize } from './access';
import { accountsHandlers } from './accounts/handlers';
import { coreHandlers } from './handlers';
import { findPerson, hasPeople } from './accounts/people';
import { actorOf, resolveSession } from './accounts/sessions';
import { productsHandlers } from './units/handlers';
import { backupsHandlers } from './backup/handlers';
import type { Workspace } from './workspace';

export interface HandlerContext {
  readonly ws: Workspace;
  readonly actor: Actor;
  /** The merchants whose data this call may reach (a merchant's approver: theirs). */
  readonly scope: MerchantScope;
  /** The session the call came through, for the methods about one's own sessions. */
  readonly sessionId: number | null;
}

export type Handlers = {
  readonly [M in MethodName]: (input: ParsedInputOf<Contract[M]>, ctx: HandlerContext) => Promise<Output<M>>;
};

/**
 * The implementation of every method in the contract. Adding a method to the contract without
 * a handler here is a type error, and so is a handler whose output differs from the contract.
 */
export const handlers: Handlers = {
  ...coreHandlers,
  ...accountsHandlers,
  ...intakeHandlers,
  ...photosHandlers,
  ...pricingHandlers,
  ...exportsHandlers,
  ...channelsHandlers,
  ...descriptionsHandlers,
  ...ebayHandlers,
  ...shopsHandlers,
  ...productsHandlers,
  ...backupsHandlers,
};

/** Background work and in-process callers with no person: the system, with every right. */
const SYSTEM_CALL: CallContext = { via: 'system' };

interface Caller {
  readonly actor: Actor;
  readonly person: Person | null;
  readonly sessionId: number | null;
}

/**
 * Who is calling, from what the transport knows: a window's or a browser's session, a person the
 * command line names, or the system. Nothing in the request itself can name a person.
 */
async function resolveCaller(ws: Workspace, context: CallContext): Promise<Caller> {
  switch (context.via) {
    case 'system':
      return { actor: SYSTEM_ACTOR, person: null, sessionId: null };
    case 'person': {
      const person = await findPerson(ws.kysely, { id: context.personId });
      if (!person)
        throw new AppError('unauthorized', say('common.nobody_with_id', { id: String(context.personId) }));
      if (person.disabled)
        throw new AppError('forbidden', say('common.person_disabled', { name: person.name }));
      return { actor: actorOf(person, context.device), person, sessionId: null };
    }
    case 'session': {
      const live = await resolveSession(ws, context.token);
      if (!live) return { actor: SYSTEM_ACTOR, person: null, sessionId: null };
      return { actor: actorOf(live.person, live.device), person: live.person, sessionId: live.sessionId };
    }
    default:
      return context satisfies never;
  }
}

function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** The fields a rejected input got wrong, by their path ("items.0.price"), once each. */
function invalidFields(error: z.ZodError): string[] {
  const paths = error.issues.map((issue) => (issue.path.length > 0 ? issue.path.join('.') : 'input'));
  return [...new Set(paths)];
}

/**
 * The single entry point of every transport: checks the method name, validates the input with
 * the contract's schema, resolves who is calling, applies the access rule (`shared/access`) to
 * every method, reads included, then runs the handler.
 */
export async function dispatch(
  ws: Workspace,
  methodName: unknown,
  rawInput: unknown,
  context: CallContext = SYSTEM_CALL,
): Promise<unknown> {
  if (!isMethodName(methodName)) {
    throw new AppError('not_found', say('common.unknown_method', { method: String(methodName) }));
  }
  const spec = contract[methodName];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    // The English text keeps zod's own words for logs and the CLI; a window names the fields.
    throw new AppError(
      'bad_input',
      say('common.invalid_input', { fields: list(invalidFields(parsed.error)) }),
      { issues: parsed.error.issues },
      `Invalid input for ${methodName}: ${describeZodError(parsed.error)}`,
    );
  }
  const rule = RULES[methodName];
  const caller = await resolveCaller(ws, context);
  let input: unknown = parsed.data;
  let scope: MerchantScope = 'all';
  let actor = caller.actor;
  if (caller.person) {
    ({ input, scope } = await authorize(ws, caller.person, methodName, input));
  } else if (context.via === 'session' && !rule.public) {
    // A window or a browser without a session: only the first start of an empty workspace,
    // on this machine, may create its first admin (or the demo) before anyone can sign in.
    const firstStart = rule.setup === true && context.local && !(await hasPeople(ws.kysely));
    if (!firstStart) throw new AppError('unauthorized', say('common.sign_in_first'));
    actor = FIRST_START_ACTOR;
  }
  const handler = handlers[methodName] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
  return handler(input, { ws, actor, scope, sessionId: caller.sessionId });
}

/** Who created a workspace's first admin or its demo, for the history. */
const FIRST_START_ACTOR: Actor = { ...SYSTEM_ACTOR, name: 'Rebound (first start)' };

/**
 * dispatch() typed by the contract, for code in this process that calls the API (the command
 * line, the bench, tests): the method's input and output types come from `shared/contract`, so
 * a caller never casts an answer.
 */
export async function invoke<M extends MethodName>(
  ws: Workspace,
  method: M,
  input: Input<M>,
  context: CallContext = SYSTEM_CALL,
): Promise<Output<M>> {
  return (await dispatch(ws, method, input, context)) as Output<M>;
}

export function toErrorData(error: unknown): ErrorData {
  if (error instanceof AppError) return error.toData();
  // Unknown errors keep their message for the log but reach the user as a plain sentence.
  const detail = error instanceof Error ? error.message : String(error);
  return new AppError('internal', say('common.internal', { detail })).toData();
}

/** dispatch() wrapped into the wire envelope used by IPC and HTTP. */
export async function dispatchEnvelope(
  ws: Workspace,
  methodName: unknown,
  rawInput: unknown,
  context: CallContext = SYSTEM_CALL,
): Promise<Envelope<unknown>> {
  try {
    return { ok: true, value: await dispatch(ws, methodName, rawInput, context) };
  } catch (error) {
    return { ok: false, error: toErrorData(error) };
  }
}
