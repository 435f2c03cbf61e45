import { nested, say, type Message, type MessageParam } from '../messages';

/*
 * A session's device is stored as the English label the server made of it ("Chrome on Android",
 * electron/services/accounts/device.ts; "Rebound desktop on <host>", electron/main/session.ts):
 * the label is what older versions and the CLI show. This reads it back as words for the reader's
 * language, keeping the names (browser, system, host) as they are.
 */

const WORDS: Readonly<Record<string, Message>> = {
  'a browser': say('accounts.device_a_browser'),
  'command line': say('accounts.device_command_line'),
};

/** The stored device label as a message, or null when it is a name with nothing to translate. */
export function deviceMessage(device: string): Message | null {
  const known = WORDS[device];
  if (known) return known;
  const on = /^(.+) on (.+)$/.exec(device);
  if (!on) return null;
  const [, what, where] = on as unknown as [string, string, string];
  if (what === 'Rebound desktop') return say('accounts.device_desktop_on', { where });
  const word = WORDS[what];
  return say('accounts.device_on', { what: word ? nested(word) : what, where });
}

/** The device as a parameter of a history line. */
export function deviceParam(device: string): MessageParam {
  const message = deviceMessage(device);
  return message ? nested(message) : device;
}
