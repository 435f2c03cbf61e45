export type { MessageCode } from './catalogue';
export { asMessage, say, StoredMessage, type Message } from './message';
export { date, list, money, nested, term, type MessageParam, type MessageParams } from './params';
export { englishText, renderMessage } from './render';
