import { useSyncExternalStore } from 'react';

/** The screens of the app shell, in navbar order. */
export const PAGES = ['intake', 'photos', 'approvals', 'listings', 'sales', 'reports', 'settings'] as const;
export type PageId = (typeof PAGES)[number];

export type Route =
  | { readonly page: 'intake' | 'photos' | 'approvals'; readonly itemId?: number | undefined }
  | { readonly page: 'listings' | 'sales' | 'reports' | 'settings' }
  | { readonly page: 'item'; readonly itemId: number };

/**
 * Hash routing (`#/approvals/12`): works the same from a file:// page in Electron and from the
 * browser mode's server, needs no history fallback, and gives every screen a shareable address.
 */
export function parseRoute(hash: string): Route {
  const [page, id] = hash.replace(/^#\/?/, '').split('/');
  const itemId = id && /^\d+$/.test(id) ? Number(id) : undefined;
  switch (page) {
    case 'item':
    case 'items':
      return itemId === undefined ? { page: 'intake' } : { page: 'item', itemId };
    case 'intake':
    case 'photos':
    case 'approvals':
      return { page, itemId };
    case 'listings':
    case 'sales':
    case 'reports':
    case 'settings':
      return { page };
    default:
      return { page: 'intake' };
  }
}

export function routeHref(route: Route): string {
  if (route.page === 'item') return `#/items/${route.itemId}`;
  if ('itemId' in route && route.itemId !== undefined) return `#/${route.page}/${route.itemId}`;
  return `#/${route.page}`;
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const href = routeHref(route);
  if (window.location.hash === href) return;
  if (options.replace) window.history.replaceState(null, '', href);
  else window.location.hash = href;
  if (options.replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  // Parsing is cheap; the hash string is the stable identity.
  return parseRoute(hash);
}
