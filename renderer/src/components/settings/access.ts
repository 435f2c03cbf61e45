import { useMe } from '../../state/me';

/** The signed-in person's role, as the server checks it (the buttons follow what it would allow). */
export function useActingRole() {
  return useMe()?.role ?? null;
}
