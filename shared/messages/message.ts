import { z } from 'zod';
import type { MessageCode } from './catalogue';
import { MessageParam, type MessageParams } from './params';

/**
 * What the services say to a person, as data: a code and its parameters. Each reader's window,
 * the CLI and the generated files draw it in their own language (`render.ts`); the English
 * drawing travels beside it for logs, `--json` output and readers of an older version.
 */
export interface Message {
  readonly code: MessageCode;
  readonly params?: MessageParams;
}

/** A message as it arrives from another process or from a stored row: its code is just a string. */
export const StoredMessage = z
  .object({ code: z.string().min(1), params: z.record(z.string(), MessageParam).optional() })
  .strict();
export type StoredMessage = z.infer<typeof StoredMessage>;

/** Builds a message. */
export function say(code: MessageCode, params?: MessageParams): Message {
  return params === undefined ? { code } : { code, params };
}

/** A stored or received value read as a message, or null when it is not one. */
export function asMessage(value: unknown): StoredMessage | null {
  const parsed = StoredMessage.safeParse(value);
  return parsed.success ? parsed.data : null;
}
