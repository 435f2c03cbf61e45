import type { z } from 'zod';
import type { Role } from '../domain/status';

/**
 * One method of the API: its zod input schema (checked by the main side before any handler
 * runs), its output type (a phantom: outputs are produced by our own code, not trusted input),
 * and the roles allowed to call it (absent: anyone who may open the workspace).
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  readonly roles?: readonly Role[];
  /** Methods that only read never need a profile; writes are attributed to one. */
  readonly writes: boolean;
  /** Phantom field carrying the output type; never set at run time. */
  readonly __output?: O;
}

/** `method<Output>()(inputSchema, options)`: curried so the input type is inferred. */
export function method<O>() {
  return <I extends z.ZodType>(
    input: I,
    options: { writes?: boolean; roles?: readonly Role[] } = {},
  ): MethodSpec<I, O> => ({
    input,
    writes: options.writes ?? false,
    ...(options.roles ? { roles: options.roles } : {}),
  });
}

export type AnyContract = Readonly<Record<string, MethodSpec>>;
export type InputOf<S> = S extends MethodSpec<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<S> = S extends MethodSpec<infer I, unknown> ? z.output<I> : never;
export type OutputOf<S> = S extends MethodSpec<z.ZodType, infer O> ? O : never;
