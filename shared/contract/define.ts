import type { z } from 'zod';

/**
 * One method of the API: its zod input schema (checked by the main side before any handler
 * runs) and its output type (a phantom: outputs are produced by our own code, not trusted
 * input). Who may call it is not said here but in the one access table, `shared/access/rules.ts`.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  /** Whether the method changes anything: a bookkeeper's or a read-only session's limit. */
  readonly writes: boolean;
  /** Phantom field carrying the output type; never set at run time. */
  readonly __output?: O;
}

/** `method<Output>()(inputSchema, options)`: curried so the input type is inferred. */
export function method<O>() {
  return <I extends z.ZodType>(input: I, options: { writes?: boolean } = {}): MethodSpec<I, O> => ({
    input,
    writes: options.writes ?? false,
  });
}

export type AnyContract = Readonly<Record<string, MethodSpec>>;
export type InputOf<S> = S extends MethodSpec<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<S> = S extends MethodSpec<infer I, unknown> ? z.output<I> : never;
export type OutputOf<S> = S extends MethodSpec<z.ZodType, infer O> ? O : never;
