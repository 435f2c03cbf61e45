/**
 * Making messages: codes and parameters, plain data. Drawing them in a language needs the
 * catalogues and lives in ./render, imported by what draws (windows, the CLI's output, history
 * lines, and AppError for its English text).
 */
export type { MessageCode } from './catalogue';
export { asMessage, say, StoredMessage, type Message } from './message';
export { date, list, money, nested, term, type MessageParam, type MessageParams } from './params';
