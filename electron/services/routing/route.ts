import { say, type Message } from '../../../shared/messages';

/**
 * Shooting by label: which item each photo of a session belongs to, decided from the labels read
 * in the photos themselves, in shooting order. A photo that shows a label starts (or continues)
 * that item's set; a photo without one belongs to the item of the last label seen; photos before
 * any label belong to no item. A label that names no item, or an item of another merchant when
 * the session is for one merchant, stops the routing: from there on nothing is filed until a
 * person has looked, because every later photo would follow a label nobody can trust.
 *
 * Pure: the caller reads the labels (readLabel.ts) and looks the references up; the same rule
 * serves a whole folder (`rebound photos route`) and a desk feeding one photo at a time.
 */

export interface RoutableItem {
  readonly id: number;
  readonly reference: string;
  readonly merchantId: number;
  readonly merchantName: string;
}

export interface RouteOptions {
  /** Whether the photo of the label itself goes on the item, or only marks where its set starts. */
  readonly keepLabelShots: boolean;
  /** A merchant-locked session: a label of another merchant's item stops the routing. */
  readonly merchant?: { readonly id: number; readonly name: string } | null;
}

/** One photo, as routing sees it: the reference read on it, or null when none was read. */
export interface Shot {
  readonly label: string | null;
}

export type Routed =
  /** The photo shows this item's label; `keep` says whether the photo itself is filed. */
  | { readonly kind: 'label'; readonly item: RoutableItem; readonly keep: boolean }
  /** No label on the photo: filed on the item of the last label seen. */
  | { readonly kind: 'follows_label'; readonly item: RoutableItem }
  /** No label seen yet in this session: filed nowhere. */
  | { readonly kind: 'unrouted'; readonly message: Message }
  /** Routing stopped at this photo or before it: filed nowhere, and a person must look. */
  | { readonly kind: 'stopped'; readonly reference: string; readonly message: Message };

export interface RouteState {
  /** The item of the last label seen. */
  readonly current: RoutableItem | null;
  /** The reference that stopped the routing, once it has. */
  readonly stoppedAt: string | null;
}

export const START: RouteState = { current: null, stoppedAt: null };

/** Looks a reference up; undefined when no item has it. */
export type ItemLookup = (reference: string) => RoutableItem | undefined;

/** The next photo of a session: where it goes, and the state the photo after it starts from. */
export function routeShot(
  state: RouteState,
  shot: Shot,
  items: ItemLookup,
  options: RouteOptions,
): { readonly state: RouteState; readonly routed: Routed } {
  if (state.stoppedAt !== null) {
    return {
      state,
      routed: {
        kind: 'stopped',
        reference: state.stoppedAt,
        message: say('routing.after_stop', { reference: state.stoppedAt }),
      },
    };
  }
  if (shot.label === null) {
    return {
      state,
      routed: state.current
        ? { kind: 'follows_label', item: state.current }
        : { kind: 'unrouted', message: say('routing.no_label_yet') },
    };
  }
  const reference = shot.label;
  const item = items(reference);
  const stop = (message: Message) => ({
    state: { current: null, stoppedAt: reference },
    routed: { kind: 'stopped' as const, reference, message },
  });
  if (!item) return stop(say('routing.unknown_item', { reference }));
  const merchant = options.merchant;
  if (merchant && item.merchantId !== merchant.id) {
    return stop(
      say('routing.other_merchant', { reference, merchant: item.merchantName, expected: merchant.name }),
    );
  }
  return {
    state: { current: item, stoppedAt: null },
    routed: { kind: 'label', item, keep: options.keepLabelShots },
  };
}

/** A whole session at once, in shooting order. */
export function routeShots(shots: readonly Shot[], items: ItemLookup, options: RouteOptions): Routed[] {
  let state = START;
  return shots.map((shot) => {
    const next = routeShot(state, shot, items, options);
    state = next.state;
    return next.routed;
  });
}
