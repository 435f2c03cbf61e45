import type { Language } from '../domain/status';

/**
 * How a message is written in one language: one sentence, or a plural pair chosen by the
 * `count` parameter with the language's own plural rules (French says "0 photo", English
 * "0 photos").
 */
export type Wording = string | { readonly one: string; readonly other: string };

/** One message in every language the app speaks. A missing language does not compile. */
export type Wordings = Readonly<Record<Language, Wording>>;

/**
 * A group of messages of one area of the services. Codes are `area.what`; placeholders use
 * `{{name}}`, and every language must use the same ones (`messages.test.ts`).
 */
export function defineMessages<const T extends Readonly<Record<string, Wordings>>>(messages: T): T {
  return messages;
}
