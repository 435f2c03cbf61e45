import { describe, expect, test } from 'vitest';
import { RULES } from '../../shared/access';
import { contract, type MethodName } from '../../shared/contract';
import type { Role } from '../../shared/domain/status';
import { AppError } from '../../shared/errors';
import { authorize } from '../../electron/services/access';
import { findPerson, type PersonRow } from '../../electron/services/accounts/people';
import { dispatch, invoke } from '../../electron/services/api';
import type { Workspace } from '../../electron/services/workspace';
import { addItem, addMerchant, addPrice, addProduct, addProfile } from './seed';
import { tempWorkspace } from './temp';

/**
 * Who may call what, written down here independently of `shared/access/rules.ts`: one row per
 * method of the contract, one letter per role, in the order staff, approver, bookkeeper, admin.
 *   S / B / D  that role may call it      a  the approver, for their own merchant's data only
 *   -          refused
 * A method added to the contract without a row here fails the first test.
 */
const EXPECTED: Readonly<Record<string, string>> = {
  'session.me': 'SABD',
  'setup.firstAdmin': '----',
  'workspace.createDemo': '----',
  'people.changePassword': 'SABD',
  'sessions.list': 'SABD',
  'sessions.revoke': 'SABD',
  'people.list': '---D',
  'people.add': '---D',
  'people.update': '---D',
  'people.resetPassword': '---D',
  'people.setDisabled': '---D',
  'workspace.status': 'SaBD',
  'settings.get': 'SABD',
  'settings.update': 'SABD',
  'merchants.list': 'SaBD',
  'merchants.get': 'SaBD',
  'merchants.create': '---D',
  'merchants.update': '---D',
  'items.list': 'SaBD',
  'items.get': 'SaBD',
  'items.getByReference': 'SaBD',
  'items.counts': 'SaBD',
  'listings.list': 'SaBD',
  'sales.list': '-aBD',
  'reports.overview': '-aBD',
  'reports.returns': 'SaBD',
  'reports.recovery': '-aBD',
  'reports.monthly': '-aBD',
  'reports.skus': '-aBD',
  'reports.selling': '-aBD',
  'statements.get': '-aBD',
  'statements.pdf': '-aBD',
  'exports.sales': '--BD',
  'exports.accounts': '--BD',
  'exports.setAccounts': '--BD',
  'products.importUnitsSold': 'S-BD',
  'intake.scan': 'S-BD',
  'intake.receive': 'S--D',
  'intake.updateReturnFacts': 'S--D',
  'intake.grade': 'S--D',
  'intake.setDisposition': 'Sa-D',
  'intake.label': 'S-BD',
  'intake.previewImport': 'S--D',
  'intake.importReturns': 'S--D',
  'products.list': 'S-BD',
  'products.get': 'S-BD',
  'products.create': 'S--D',
  'products.update': 'S--D',
  'products.import': 'S--D',
  'photos.add': 'S--D',
  'photos.hotFolderStatus': 'S-BD',
  'photos.setHotFolder': 'S--D',
  'photos.setActiveItem': 'S--D',
  'photos.routing': 'S--D',
  'photos.setRouting': 'S--D',
  'photos.resumeRouting': 'S--D',
  'photos.addByLabel': 'S--D',
  'photos.move': 'S--D',
  'photos.reorder': 'S--D',
  'photos.setMain': 'S--D',
  'photos.delete': 'S--D',
  'photos.restore': 'S--D',
  'photos.linkDefect': 'S--D',
  'approvals.list': 'SaBD',
  'approvals.approve': '-a-D',
  'approvals.adjust': '-a-D',
  'approvals.reject': '-a-D',
  'approvals.approveMany': '-a-D',
  'pricing.propose': 'S--D',
  'pricing.get': 'SaBD',
  'pricing.preview': 'SaBD',
  'pricing.policy.get': 'SaBD',
  'pricing.policy.update': '-a-D',
  'descriptions.get': 'SaBD',
  'descriptions.save': 'Sa-D',
  'descriptions.reset': 'Sa-D',
  'descriptions.templates.get': 'SaBD',
  'descriptions.templates.update': '-a-D',
  'descriptions.preview': 'SaBD',
  'channels.publish': 'S--D',
  'channels.retry': 'S--D',
  'channels.end': 'S--D',
  'channels.sync': 'S--D',
  'practice.buy': 'S--D',
  'jobs.summary': 'S-BD',
  'jobs.list': 'S-BD',
  'ebay.configure': '---D',
  'ebay.connectUrl': '---D',
  'ebay.connect': '---D',
  'ebay.status': 'S-BD',
  'ebay.check': '---D',
  'ebay.createLocation': '---D',
  'ebay.choose': '---D',
  'shops.configure': '---D',
  'shops.status': 'S-BD',
  'shops.test': '---D',
  'shops.remove': '---D',
  'shops.setWatermark': '---D',
  'backups.list': '---D',
  'backups.create': '---D',
};

const ROLE_ORDER: readonly Role[] = ['staff', 'approver', 'bookkeeper', 'admin'];

/** Larkfield with its approver, and Nordvik, whose data Larkfield's approver must never reach. */
async function twoMerchants(ws: Workspace) {
  const own = await addMerchant(ws, { name: 'Larkfield' });
  const other = await addMerchant(ws, { name: 'Nordvik' });
  const item = async (merchantId: number, reference: string) => {
    const productId = await addProduct(ws, { merchantId, sku: `${reference}-SKU`, title: 'Kettle' });
    const id = await addItem(ws, {
      merchantId,
      productId,
      reference,
      grade: 'used',
      status: 'awaiting_approval',
    });
    await addPrice(ws, id, { originalCents: 10_000, proposedCents: 6_000 });
    return id;
  };
  const ids = {
    own: { merchant: own, item: await item(own, 'RB-000001'), reference: 'RB-000001' },
    other: { merchant: other, item: await item(other, 'RB-000002'), reference: 'RB-000002' },
  };
  const people: Record<Role, PersonRow> = {
    staff: await person(ws, { name: 'Lea', role: 'staff' }),
    approver: await person(ws, { name: 'Siobhán', role: 'approver', merchantIds: [own] }),
    bookkeeper: await person(ws, { name: 'Martin', role: 'bookkeeper' }),
    admin: await person(ws, { name: 'Nadia', role: 'admin' }),
  };
  return { ids, people };
}

async function person(ws: Workspace, seed: Parameters<typeof addProfile>[1]): Promise<PersonRow> {
  return (await findPerson(ws.kysely, { id: await addProfile(ws, seed) }))!;
}

type Side = { readonly merchant: number; readonly item: number; readonly reference: string };

/** An input that names one side's data in the field the method reads its merchant from. */
function inputFor(method: MethodName, side: Side): Record<string, unknown> {
  const scope = RULES[method].scope;
  switch (scope.on) {
    case 'item':
      return { [scope.key]: side.item };
    case 'items':
      return { [scope.key]: [side.item] };
    case 'reference':
      return { [scope.key]: side.reference };
    case 'merchant':
      return { [scope.key]: side.merchant };
    case 'list':
      return { merchantId: side.merchant };
    default:
      return {};
  }
}

async function outcome(work: Promise<unknown>): Promise<'allowed' | 'refused'> {
  try {
    await work;
    return 'allowed';
  } catch (error) {
    if (error instanceof AppError && error.code === 'forbidden') return 'refused';
    throw error;
  }
}

describe('the access rule, method by method', () => {
  test('every method of the contract has a row in this table, and the table no other', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(contract).sort());
  });

  test('each role gets exactly what its row says, and an approver only their own merchant’s data', async () => {
    const ws = await tempWorkspace();
    const { ids, people } = await twoMerchants(ws);
    const wrong: string[] = [];
    for (const method of Object.keys(contract) as MethodName[]) {
      const row = EXPECTED[method] ?? '----';
      for (const [index, role] of ROLE_ORDER.entries()) {
        const letter = row[index]!;
        const own = await outcome(authorize(ws, people[role], method, inputFor(method, ids.own)));
        const expectOwn = letter === '-' ? 'refused' : 'allowed';
        if (own !== expectOwn) wrong.push(`${method} as ${role}: ${own}, expected ${expectOwn}`);
        // Another merchant's data: refused to Larkfield's approver wherever the input names it.
        if (letter === 'a' && !NARROWED_IN_SERVICE.has(method)) {
          const other = await outcome(authorize(ws, people[role], method, inputFor(method, ids.other)));
          if (other !== 'refused') wrong.push(`${method} as ${role} on Nordvik: ${other}, expected refused`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  test('a list asked for without a merchant is narrowed to the approver’s own', async () => {
    const ws = await tempWorkspace();
    const { ids, people } = await twoMerchants(ws);
    const { input } = await authorize(ws, people.approver, 'items.list', {});
    expect(input).toEqual({ merchantId: ids.own.merchant });
    const staff = await authorize(ws, people.staff, 'items.list', {});
    expect(staff.input).toEqual({});
  });

  test('through dispatch, Larkfield’s approver gets nothing of Nordvik from any list or total', async () => {
    const ws = await tempWorkspace();
    const { ids, people } = await twoMerchants(ws);
    const as = { via: 'person', personId: people.approver.id } as const;
    const items = await invoke(ws, 'items.list', {}, as);
    expect(items.rows.map((r) => r.reference)).toEqual(['RB-000001']);
    const merchants = await invoke(ws, 'merchants.list', {}, as);
    expect(merchants.map((m) => m.name)).toEqual(['Larkfield']);
    const queue = await invoke(ws, 'approvals.list', {}, as);
    expect(queue.rows.map((r) => r.reference)).toEqual(['RB-000001']);
    expect(await dispatch(ws, 'workspace.status', {}, as)).toMatchObject({ itemCount: 1, merchantCount: 1 });
    expect(await dispatch(ws, 'items.counts', {}, as)).toMatchObject({ total: 1 });
    const many = await invoke(ws, 'approvals.approveMany', { itemIds: [ids.own.item, ids.other.item] }, as);
    expect(many.map((r) => r.ok)).toEqual([true, false]);
    await expect(dispatch(ws, 'items.get', { id: ids.other.item }, as)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(dispatch(ws, 'items.list', { merchantId: ids.other.merchant }, as)).rejects.toMatchObject({
      code: 'forbidden',
    });
    // The admin sees both.
    const admin = { via: 'person', personId: people.admin.id } as const;
    expect((await invoke(ws, 'items.list', {}, admin)).total).toBe(2);
  });
});

/**
 * Methods whose input names no merchant: their service narrows what it answers to the approver's
 * merchants, row by row, which the dispatch test above checks on the answers themselves.
 */
const NARROWED_IN_SERVICE: ReadonlySet<string> = new Set([
  'workspace.status',
  'merchants.list',
  'approvals.list',
  'approvals.approveMany',
]);
