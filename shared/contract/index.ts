import type { ErrorData } from '../errors';
import type { InputOf, OutputOf } from './define';
import { channelsContract } from './channels';
import { descriptionsContract } from './descriptions';
import { ebayContract } from './ebay';
import { shopsContract } from './shops';
import { exportsContract } from './exports';
import { intakeContract } from './intake';
import { itemsContract } from './items';
import { listingsContract } from './listings';
import { merchantsContract } from './merchants';
import { photosContract } from './photos';
import { pricingContract } from './pricing';
import { reportsContract } from './reports';
import { salesContract } from './sales';
import { workspaceContract } from './workspace';
import { productsContract } from './products';
import { peopleContract } from './people';
import { backupsContract } from './backups';

/**
 * The one API contract. Every transport (Electron IPC, HTTP for the browser mode, the CLI)
 * serves exactly these methods; every domain adds its own module and is merged here.
 */
export const contract = {
  ...peopleContract,
  ...workspaceContract,
  ...merchantsContract,
  ...itemsContract,
  ...listingsContract,
  ...salesContract,
  ...reportsContract,
  ...intakeContract,
  ...photosContract,
  ...pricingContract,
  ...exportsContract,
  ...channelsContract,
  ...descriptionsContract,
  ...ebayContract,
  ...shopsContract,
  ...productsContract,
  ...backupsContract,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = InputOf<Contract[M]>;
export type Output<M extends MethodName> = OutputOf<Contract[M]>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/**
 * Who is calling, as the transport knows it; never taken from the request itself. A window or a
 * browser presents the session the server created for it (or none yet). The command line runs
 * on its own data folder as the operating system user who owns it (as the system) and names a
 * person with `--as` for a decision; background work (jobs, schedules) is the system too.
 */
export type CallContext =
  | {
      readonly via: 'session';
      /** The secret of the session the server gave this window or device, if it has one. */
      readonly token: string | undefined;
      /** Whether the caller is on this machine (only then may the first admin be created). */
      readonly local: boolean;
    }
  /** In-process code acting for a named person: the command line's `--as`, the tests. */
  | { readonly via: 'person'; readonly personId: number; readonly device?: string | undefined }
  | { readonly via: 'system' };

/** The shape of a call's answer on the wire (IPC and HTTP alike). */
export type Envelope<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorData };

/** What the renderer (and any other client) gets: one typed function per method. */
export interface ApiClient {
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
}

/** Events the main side pushes to every open window (IPC) or browser tab (server-sent events). */
export type ServerEvent =
  | { readonly type: 'changed'; readonly domains: readonly string[] }
  | {
      readonly type: 'progress';
      readonly task: string;
      readonly done: number;
      readonly total: number;
    };

export * from './define';
export * from './common';
export * from './items';
export * from './listings';
export * from './sales';
export * from './reports';
export * from './merchants';
export * from './workspace';
export * from './bridge';
export * from './intake';
export * from './photos';
export * from './pricing';
export * from './exports';
export * from './descriptions';
export * from './channels';
export * from './catalogue-units';
export * from './people';
export * from './backups';
