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
  readonly message: string;
  readonly details?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toData(): ErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static from(data: ErrorData): AppError {
    return new AppError(data.code, data.message, data.details);
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
