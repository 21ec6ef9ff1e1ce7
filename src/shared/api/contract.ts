/**
 * The main↔renderer API contract: one table of request methods (name → input schema → result
 * type) and one of event channels (name → payload type).
 *
 * The main process registers a handler for every method of this table and validates every input
 * against its schema before the handler runs; the renderer gets its types from the same table.
 * Schemas are zod 4: field-level issues with paths for forms, typed parse output, and one schema
 * language on both sides (see README, "Choices").
 */
import { z } from 'zod';
import type { ApiEventName, ApiMethodName } from './names';
import type { AppInfo, AppStatus, PingResult, ReportErrorResult } from './types/app';

/** A phantom value that carries a result or payload type in the table; never read at run time. */
function typed<T>(): T {
  return undefined as T;
}

export interface MethodSpec<Input extends z.ZodType = z.ZodType, Result = unknown> {
  readonly input: Input;
  readonly result: Result;
  readonly summary: string;
}

const emptyInput = z.object({}).strict();

export const apiMethods = {
  'app.info': {
    summary: 'Version, data directory and database status of the running main process.',
    input: emptyInput,
    result: typed<AppInfo>(),
  },
  'app.ping': {
    summary: 'Round trip through the API; echoes a short message.',
    input: z.object({ message: z.string().max(1000).optional() }).strict(),
    result: typed<PingResult>(),
  },
  'app.reportError': {
    summary: 'Records an error the renderer caught (uncaught exception, rejected promise, render error) in the log file.',
    input: z
      .object({
        source: z.enum(['window-error', 'unhandled-rejection', 'render']),
        message: z.string().min(1).max(10_000),
        stack: z.string().max(50_000).optional(),
        componentStack: z.string().max(50_000).optional(),
        url: z.string().max(2_000).optional(),
      })
      .strict(),
    result: typed<ReportErrorResult>(),
  },
} as const satisfies { readonly [M in ApiMethodName]: MethodSpec };

export const apiEvents = {
  'app.status': typed<AppStatus>(),
} as const satisfies { readonly [E in ApiEventName]: unknown };

type Methods = typeof apiMethods;

/** What the renderer passes (before defaults and coercion). */
export type ApiInput<M extends ApiMethodName> = z.input<Methods[M]['input']>;
/** What a main-process handler receives (after validation). */
export type ApiParsedInput<M extends ApiMethodName> = z.output<Methods[M]['input']>;
export type ApiResult<M extends ApiMethodName> = Methods[M]['result'];
export type ApiEventPayload<E extends ApiEventName> = (typeof apiEvents)[E];
