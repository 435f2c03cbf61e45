import { describe, expect, test } from 'vitest';
import { englishText, renderMessage } from '../../shared/messages/render';
import {
  routeShot,
  routeShots,
  START,
  type RoutableItem,
  type Routed,
  type RouteOptions,
} from '../../electron/services/routing/route';

/** Two merchants' items, as a desk session would meet them. */
const ITEMS: readonly RoutableItem[] = [
  { id: 1, reference: 'RB-000001', merchantId: 10, merchantName: 'Velo Shop' },
  { id: 2, reference: 'RB-000002', merchantId: 10, merchantName: 'Velo Shop' },
  { id: 3, reference: 'RB-000003', merchantId: 20, merchantName: 'Casa Bella' },
];
const lookup = (reference: string) => ITEMS.find((item) => item.reference === reference);
const KEEP: RouteOptions = { keepLabelShots: true };
const VELO: RouteOptions = { keepLabelShots: true, merchant: { id: 10, name: 'Velo Shop' } };

const shots = (...labels: (string | null)[]) => labels.map((label) => ({ label }));

/** Each photo as "where it went (why)", to read a session at a glance. */
function summary(routes: readonly Routed[]): string[] {
  return routes.map((routed) => {
    switch (routed.kind) {
      case 'label':
        return `${routed.item.reference} (label${routed.keep ? '' : ', dropped'})`;
      case 'follows_label':
        return `${routed.item.reference} (follows)`;
      case 'unrouted':
        return 'nowhere (unrouted)';
      case 'stopped':
        return `nowhere (stopped at ${routed.reference})`;
    }
  });
}

describe('shooting by label', () => {
  test('a label starts a set, the photos after it follow it until the next label', () => {
    const routes = routeShots(shots('RB-000001', null, null, 'RB-000002', null), lookup, KEEP);
    expect(summary(routes)).toEqual([
      'RB-000001 (label)',
      'RB-000001 (follows)',
      'RB-000001 (follows)',
      'RB-000002 (label)',
      'RB-000002 (follows)',
    ]);
  });

  test('photos before any label go nowhere, and say why', () => {
    const routes = routeShots(shots(null, null, 'RB-000002', null), lookup, KEEP);
    expect(summary(routes)).toEqual([
      'nowhere (unrouted)',
      'nowhere (unrouted)',
      'RB-000002 (label)',
      'RB-000002 (follows)',
    ]);
    const first = routes[0]!;
    expect(first.kind === 'unrouted' && englishText(first.message)).toMatch(
      /no label has been photographed yet/,
    );
  });

  test('the label shot itself is kept or dropped as the desk chooses; the set is the same', () => {
    const session = shots('RB-000001', null, 'RB-000001', null);
    expect(summary(routeShots(session, lookup, { keepLabelShots: false }))).toEqual([
      'RB-000001 (label, dropped)',
      'RB-000001 (follows)',
      'RB-000001 (label, dropped)',
      'RB-000001 (follows)',
    ]);
  });

  test('a label of an item that does not exist stops the routing: nothing after it is filed', () => {
    const routes = routeShots(shots('RB-000001', null, 'RB-000999', null, 'RB-000002', null), lookup, KEEP);
    expect(summary(routes)).toEqual([
      'RB-000001 (label)',
      'RB-000001 (follows)',
      'nowhere (stopped at RB-000999)',
      'nowhere (stopped at RB-000999)',
      // A good label after the stop does not restart it: a person has to look first.
      'nowhere (stopped at RB-000999)',
      'nowhere (stopped at RB-000999)',
    ]);
    const stop = routes[2]!;
    expect(stop.kind === 'stopped' && englishText(stop.message)).toBe(
      'The label reads RB-000999, but there is no item RB-000999. Routing stopped here: check the label before going on.',
    );
    const after = routes[3]!;
    expect(after.kind === 'stopped' && renderMessage(after.message, 'de')).toBe(
      'Nicht zugeordnet: Die Zuordnung wurde schon vorher angehalten, beim Etikett RB-000999.',
    );
  });

  test('in a merchant-locked session, another merchant’s label stops the routing and names both', () => {
    const routes = routeShots(shots('RB-000001', null, 'RB-000003', null), lookup, VELO);
    expect(summary(routes)).toEqual([
      'RB-000001 (label)',
      'RB-000001 (follows)',
      'nowhere (stopped at RB-000003)',
      'nowhere (stopped at RB-000003)',
    ]);
    const stop = routes[2]!;
    expect(stop.kind === 'stopped' && renderMessage(stop.message, 'fr')).toBe(
      'L’étiquette indique RB-000003, un article de Casa Bella, mais cette séance est réservée à Velo Shop. Le classement s’est arrêté ici : vérifiez l’étiquette avant de continuer.',
    );
  });

  test('without a merchant lock, any merchant’s item is routed', () => {
    const routes = routeShots(shots('RB-000001', 'RB-000003', null), lookup, KEEP);
    expect(summary(routes)).toEqual(['RB-000001 (label)', 'RB-000003 (label)', 'RB-000003 (follows)']);
  });

  test('a desk feeding one photo at a time gets the same answers as the whole session at once', () => {
    const session = shots(null, 'RB-000002', null, 'RB-000001', null, 'RB-000999', null);
    let state = START;
    const oneByOne = session.map((shot) => {
      const next = routeShot(state, shot, lookup, KEEP);
      state = next.state;
      return next.routed;
    });
    expect(oneByOne).toEqual(routeShots(session, lookup, KEEP));
    expect(state.stoppedAt).toBe('RB-000999');
  });
});
