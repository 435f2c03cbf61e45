import { z } from 'zod';

/**
 * The values a message may carry. Everything a reader's language changes is carried as data,
 * never as finished text: amounts in minor units with their currency, dates as ISO strings, and
 * the app's own codes (grades, statuses, channels…) as codes drawn with the reader's words.
 */
export const TERMS = [
  'grade',
  'status',
  'reason',
  'defect',
  'severity',
  'packaging',
  'window',
  'channel',
  'listingStatus',
  'saleKind',
  'decision',
  'role',
  'language',
] as const;
export type Term = (typeof TERMS)[number];

export type MessageParam =
  | string
  | number
  | { readonly money: number; readonly currency: string }
  | { readonly date: string }
  | { readonly term: Term; readonly code: string }
  | { readonly list: readonly string[] }
  /** A message inside a message ("Publishing failed: {{reason}}"), drawn in the same language. */
  | { readonly message: { readonly code: string; readonly params?: MessageParams | undefined } };

export type MessageParams = Readonly<Record<string, MessageParam>>;

export const MessageParam: z.ZodType<MessageParam> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.object({ money: z.number().int(), currency: z.string().regex(/^[A-Z]{3}$/) }).strict(),
    z.object({ date: z.string() }).strict(),
    z.object({ term: z.enum(TERMS), code: z.string() }).strict(),
    z.object({ list: z.array(z.string()) }).strict(),
    z
      .object({
        message: z
          .object({ code: z.string().min(1), params: z.record(z.string(), MessageParam).optional() })
          .strict(),
      })
      .strict(),
  ]),
);

/** An amount in minor units, drawn with the reader's currency format. */
export const money = (cents: number, currency: string): MessageParam => ({ money: cents, currency });
/** A grade, status, channel… code, drawn with the reader's word for it. */
export const term = (kind: Term, code: string): MessageParam => ({ term: kind, code });
/** A moment or a day (ISO), drawn as the reader's language writes dates. */
export const date = (iso: string): MessageParam => ({ date: iso });
/** A message inside a message, drawn in the reader's language too. */
export const nested = (message: {
  readonly code: string;
  readonly params?: MessageParams;
}): MessageParam => ({
  message,
});
/** Names or codes joined as the reader's language joins a list ("a, b and c"). */
export const list = (items: readonly string[]): MessageParam => ({ list: [...items] });
