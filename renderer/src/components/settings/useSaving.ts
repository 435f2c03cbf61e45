import { useState } from 'react';
import { errorMessage } from '../../api/client';

/** A form's write to the server as it stands: running, and the server's refusal of the last try. */
export interface Saving {
  readonly busy: boolean;
  readonly error: string | null;
  /** Runs the write; a refusal is kept as `error` for the form to show, never thrown. */
  readonly run: (write: () => Promise<void>) => Promise<void>;
}

/**
 * The busy flag and the refusal of a Settings form's save. The form checks its own fields first,
 * so a save it does not send leaves the last refusal where it is.
 */
export function useSaving(): Saving {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (write: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await write();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
