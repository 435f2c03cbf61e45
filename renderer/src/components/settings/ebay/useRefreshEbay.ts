// The refresh every eBay panel calls after a write.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/** Every `ebay.*` answer may change after a write: status, consent address, pre-flight. */
export function useRefreshEbay() {
  const client = useQueryClient();
  return useCallback(
    () => void client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('ebay.') }),
    [client],
  );
}
