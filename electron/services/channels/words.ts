import type { Channel } from '../../../shared/domain/status';
import {
  nested,
  say,
  term,
  type Message,
  type MessageParam,
  type StoredMessage,
} from '../../../shared/messages';
import type { EndReason } from './channel';

/**
 * A channel inside a sentence, in the reader's language: "on eBay", "sur la place de marché
 * d’entraînement", "auf dem Übungsmarktplatz". French and German need an article and a case a
 * bare name cannot carry, so each preposition is a message of its own.
 */
export const onChannel = (channel: Channel): MessageParam => nested(say(`channels.on.${channel}`));
export const toChannel = (channel: Channel): MessageParam => nested(say(`channels.to.${channel}`));
export const forChannel = (channel: Channel): MessageParam => nested(say(`channels.for.${channel}`));

/** A channel as the subject of a sentence ("eBay refused…"), with the screens' name for it. */
export const channelName = (channel: Channel): MessageParam => term('channel', channel);

/** Why a listing ended, in the reader's words. */
export const endReasonWords = (reason: EndReason): MessageParam =>
  nested(say(`channels.end_reason.${reason}`));

/**
 * What went wrong on a channel as a message parameter: our translated explanation when the error
 * carries one (with the remote's words inside it), otherwise its words as they are.
 */
export function problemOf(error: {
  readonly message: string;
  readonly text?: StoredMessage | null;
}): MessageParam {
  return error.text ? nested(error.text) : error.message;
}

/** Phrases joined as the reader's language joins a list ("a, b and c"), each drawn in that language. */
export function joinedWords(words: readonly Message[]): MessageParam {
  const [first, ...rest] = words;
  if (first === undefined) return '';
  if (rest.length === 0) return nested(first);
  if (rest.length === 1) return nested(say('channels.list.pair', { a: nested(first), b: nested(rest[0]!) }));
  return nested(say('channels.list.more', { a: nested(first), rest: joinedWords(rest) }));
}
