import type { MethodName } from '../contract';
import type { Role } from '../domain/status';

/**
 * Who may call each method of the contract, and which merchant's data the call touches. This
 * table is the one place that says it: `dispatch` enforces it for every call (reads included),
 * the renderer reads it only to hide what would be refused, and a method added to the contract
 * without a row here does not compile.
 */

/** How a call's input names the merchant whose data it touches. */
export type Scope =
  /** Nothing of any merchant: the caller's own session, workspace-wide preferences. */
  | { readonly on: 'none' }
  /** One item, by the id in this input field; its merchant is looked up on the server. */
  | { readonly on: 'item'; readonly key: string }
  /** Several items, by the ids in this input field. */
  | { readonly on: 'items'; readonly key: string }
  /** One item, by its reference. */
  | { readonly on: 'reference'; readonly key: string }
  /** One merchant, by the id in this input field. */
  | { readonly on: 'merchant'; readonly key: string }
  /**
   * A list or total with an optional `merchantId` filter: for a merchant's approver the server
   * checks a given filter and, when there is none, fills in their merchant (or, for `handler`,
   * the service narrows the rows to the approver's merchants itself).
   */
  | { readonly on: 'list'; readonly narrowedBy: 'input' | 'handler' }
  /** A batch whose service checks every row's merchant itself and answers per row. */
  | { readonly on: 'service' };

export interface Rule {
  /** The roles that may call it. */
  readonly who: readonly Role[];
  readonly scope: Scope;
  /** Callable without a session: answers who is signed in, and nothing else. */
  readonly public?: true;
  /** Callable without a session only while the workspace has nobody yet (the first start). */
  readonly setup?: true;
}

const EVERYONE: readonly Role[] = ['staff', 'approver', 'bookkeeper', 'admin'];
/** The warehouse side: people who see every merchant's goods. */
const WAREHOUSE: readonly Role[] = ['staff', 'bookkeeper', 'admin'];
const DESK: readonly Role[] = ['staff', 'admin'];
const ADMIN: readonly Role[] = ['admin'];
/** Money: the merchants' own figures, for the people who account for them. */
const FINANCE: readonly Role[] = ['approver', 'bookkeeper', 'admin'];
const BOOKS: readonly Role[] = ['bookkeeper', 'admin'];
/** Grading decisions a merchant may take on their own goods. */
const DESK_AND_MERCHANT: readonly Role[] = ['staff', 'approver', 'admin'];
const DECIDERS: readonly Role[] = ['approver', 'admin'];

const NONE: Scope = { on: 'none' };
const item = (key: string): Scope => ({ on: 'item', key });
const merchant = (key: string): Scope => ({ on: 'merchant', key });
const LIST: Scope = { on: 'list', narrowedBy: 'input' };
const LIST_IN_SERVICE: Scope = { on: 'list', narrowedBy: 'handler' };

export const RULES: { readonly [M in MethodName]: Rule } = {
  // The caller's own session and account.
  'session.me': { who: EVERYONE, scope: NONE, public: true },
  'setup.firstAdmin': { who: [], scope: NONE, setup: true },
  'workspace.createDemo': { who: [], scope: NONE, setup: true },
  'people.changePassword': { who: EVERYONE, scope: NONE },
  'sessions.list': { who: EVERYONE, scope: NONE },
  'sessions.revoke': { who: EVERYONE, scope: NONE },
  // People: only an admin manages them.
  'people.list': { who: ADMIN, scope: NONE },
  'people.add': { who: ADMIN, scope: NONE },
  'people.update': { who: ADMIN, scope: NONE },
  'people.resetPassword': { who: ADMIN, scope: NONE },
  'people.setDisabled': { who: ADMIN, scope: NONE },

  'workspace.status': { who: EVERYONE, scope: LIST_IN_SERVICE },
  'settings.get': { who: EVERYONE, scope: NONE },
  'settings.update': { who: EVERYONE, scope: NONE },

  'merchants.list': { who: EVERYONE, scope: LIST_IN_SERVICE },
  'merchants.get': { who: EVERYONE, scope: merchant('id') },
  'merchants.create': { who: ADMIN, scope: NONE },
  'merchants.update': { who: ADMIN, scope: NONE },

  'items.list': { who: EVERYONE, scope: LIST },
  'items.get': { who: EVERYONE, scope: item('id') },
  'items.getByReference': { who: EVERYONE, scope: { on: 'reference', key: 'reference' } },
  'items.counts': { who: EVERYONE, scope: LIST },
  'listings.list': { who: EVERYONE, scope: LIST },

  'sales.list': { who: FINANCE, scope: LIST },
  'reports.overview': { who: FINANCE, scope: LIST },
  'reports.returns': { who: EVERYONE, scope: LIST },
  'reports.recovery': { who: FINANCE, scope: LIST },
  'reports.monthly': { who: FINANCE, scope: LIST },
  'reports.skus': { who: FINANCE, scope: LIST },
  'reports.selling': { who: FINANCE, scope: LIST },
  'statements.get': { who: FINANCE, scope: merchant('merchantId') },
  'statements.pdf': { who: FINANCE, scope: merchant('merchantId') },
  'exports.sales': { who: BOOKS, scope: NONE },
  'exports.accounts': { who: BOOKS, scope: NONE },
  'exports.setAccounts': { who: BOOKS, scope: NONE },
  'products.importUnitsSold': { who: ['staff', 'bookkeeper', 'admin'], scope: NONE },

  'intake.scan': { who: WAREHOUSE, scope: NONE },
  'intake.receive': { who: DESK, scope: NONE },
  'intake.updateReturnFacts': { who: DESK, scope: NONE },
  'intake.grade': { who: DESK, scope: NONE },
  'intake.setDisposition': { who: DESK_AND_MERCHANT, scope: item('itemId') },
  'intake.label': { who: WAREHOUSE, scope: NONE },
  'intake.previewImport': { who: DESK, scope: NONE },
  'intake.importReturns': { who: DESK, scope: NONE },
  'products.list': { who: WAREHOUSE, scope: NONE },
  'products.get': { who: WAREHOUSE, scope: NONE },
  'products.create': { who: DESK, scope: NONE },
  'products.update': { who: DESK, scope: NONE },
  'products.import': { who: DESK, scope: NONE },

  'photos.add': { who: DESK, scope: NONE },
  'photos.hotFolderStatus': { who: WAREHOUSE, scope: NONE },
  'photos.setHotFolder': { who: DESK, scope: NONE },
  'photos.setActiveItem': { who: DESK, scope: NONE },
  'photos.routing': { who: DESK, scope: NONE },
  'photos.setRouting': { who: DESK, scope: NONE },
  'photos.resumeRouting': { who: DESK, scope: NONE },
  'photos.addByLabel': { who: DESK, scope: NONE },
  'photos.move': { who: DESK, scope: NONE },
  'photos.reorder': { who: DESK, scope: NONE },
  'photos.setMain': { who: DESK, scope: NONE },
  'photos.delete': { who: DESK, scope: NONE },
  'photos.restore': { who: DESK, scope: NONE },
  'photos.linkDefect': { who: DESK, scope: NONE },

  'approvals.list': { who: ['approver', 'staff', 'bookkeeper', 'admin'], scope: LIST_IN_SERVICE },
  'approvals.approve': { who: DECIDERS, scope: item('itemId') },
  'approvals.adjust': { who: DECIDERS, scope: item('itemId') },
  'approvals.reject': { who: DECIDERS, scope: item('itemId') },
  'approvals.approveMany': { who: DECIDERS, scope: { on: 'service' } },
  'pricing.propose': { who: DESK, scope: NONE },
  'pricing.get': { who: EVERYONE, scope: item('itemId') },
  'pricing.preview': { who: EVERYONE, scope: merchant('merchantId') },
  'pricing.policy.get': { who: EVERYONE, scope: merchant('merchantId') },
  'pricing.policy.update': { who: DECIDERS, scope: merchant('merchantId') },

  'descriptions.get': { who: EVERYONE, scope: item('itemId') },
  'descriptions.save': { who: DESK_AND_MERCHANT, scope: item('itemId') },
  'descriptions.reset': { who: DESK_AND_MERCHANT, scope: item('itemId') },
  'descriptions.templates.get': { who: EVERYONE, scope: merchant('merchantId') },
  'descriptions.templates.update': { who: DECIDERS, scope: merchant('merchantId') },
  'descriptions.preview': { who: EVERYONE, scope: merchant('merchantId') },

  'channels.publish': { who: DESK, scope: NONE },
  'channels.retry': { who: DESK, scope: NONE },
  'channels.end': { who: DESK, scope: NONE },
  'channels.sync': { who: DESK, scope: NONE },
  'practice.buy': { who: DESK, scope: NONE },
  'jobs.summary': { who: WAREHOUSE, scope: NONE },
  'jobs.list': { who: WAREHOUSE, scope: NONE },

  'ebay.configure': { who: ADMIN, scope: NONE },
  'ebay.connectUrl': { who: ADMIN, scope: NONE },
  'ebay.connect': { who: ADMIN, scope: NONE },
  'ebay.status': { who: WAREHOUSE, scope: NONE },
  'ebay.check': { who: ADMIN, scope: NONE },
  'ebay.createLocation': { who: ADMIN, scope: NONE },
  'ebay.choose': { who: ADMIN, scope: NONE },
  'shops.configure': { who: ADMIN, scope: NONE },
  'shops.status': { who: WAREHOUSE, scope: NONE },
  'shops.test': { who: ADMIN, scope: NONE },
  'shops.remove': { who: ADMIN, scope: NONE },
  'shops.setWatermark': { who: ADMIN, scope: NONE },

  // Backups of the workspace database: where they are and a copy on demand.
  'backups.list': { who: ADMIN, scope: NONE },
  'backups.create': { who: ADMIN, scope: NONE },
};
