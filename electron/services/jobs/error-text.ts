import { asMessage, type StoredMessage } from '../../../shared/messages';

/** A failure reason as stored in a `last_error_text` column (migration 0120): the message as JSON. */
export function storeErrorText(message: StoredMessage | null): string | null {
  return message === null ? null : JSON.stringify(message);
}

/** A stored `last_error_text` read back; null when there is none or it is not a message. */
export function readErrorText(json: string | null): StoredMessage | null {
  if (json === null) return null;
  try {
    return asMessage(JSON.parse(json));
  } catch {
    return null;
  }
}
