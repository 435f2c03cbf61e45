import { asMessage, type Message, type StoredMessage } from './messages/message';
import { englishText } from './messages/render';

/**
 * Errors that cross a transport (IPC, HTTP, CLI) as data: a machine code for programs and
 * a message written for the person in front of the screen.
 */
export const ERROR_CODES = [
  'bad_input',
  'not_found',
  'conflict',
  'forbidden',
  'unauthorized',
  'throttled',
  'unsupported',
  'newer_database',
  'damaged_database',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorData {
  readonly code: ErrorCode;
  /** The English text, for logs, `--json` and readers that do not know `text`'s code. */
  readonly message: string;
  readonly details?: unknown;
  /** What to tell the person, drawn in their language (`shared/messages`). */
  readonly text?: StoredMessage;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  /** The message as a code and its parameters, when the thrower gave one. */
  readonly text: StoredMessage | null;

  constructor(
    code: ErrorCode,
    message: string | Message | StoredMessage,
    details?: unknown,
    fallback?: string,
  ) {
    const text = typeof message === 'string' ? null : message;
    super(text === null ? (message as string) : (fallback ?? englishText(text)));
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.text = text;
  }

  toData(): ErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.details === undefined ? {} : { details: this.details }),
      ...(this.text === null ? {} : { text: this.text }),
    };
  }

  static from(data: ErrorData): AppError {
    const text = data.text === undefined ? null : asMessage(data.text);
    return text === null
      ? new AppError(data.code, data.message, data.details)
      : new AppError(data.code, text, data.details, data.message);
  }
}

export function isErrorData(value: unknown): value is ErrorData {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorData).code === 'string' &&
    typeof (value as ErrorData).message === 'string'
  );
}

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${String(value)}`);
}
