import { useCall } from '../../api/hooks';
import { useSession } from '../../state/session';

/** The acting profile's role, as the server checks it (the buttons follow what it would allow). */
export function useActingRole() {
  const profileId = useSession((s) => s.profileId);
  const profiles = useCall('profiles.list', {});
  return profiles.data?.find((p) => p.id === profileId)?.role ?? null;
}
