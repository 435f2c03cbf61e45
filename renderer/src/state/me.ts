import { mayCall, type Person } from '../../../shared/access';
import type { Me, MethodName } from '../../../shared/contract';
import { useCall } from '../api/hooks';

/**
 * The person signed in to this window, as the server knows them (`session.me`). The screens use
 * it, with the one access rule of `shared/access`, only to hide what the server would refuse.
 */
export function useMe(): Me | null {
  return useCall('session.me', {}).data?.me ?? null;
}

/** Whether the person signed in here may call a method (merchant scope aside). */
export function useMay(method: MethodName): boolean {
  const me = useMe();
  return mayCall(me as Person | null, method);
}
