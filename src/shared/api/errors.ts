/**
 * Errors cross the main↔renderer boundary as plain data: Electron's IPC (and the harness's
 * WebSocket) drop error classes, prototypes and custom properties.
 */
import type { IssueCode, IssueParams } from '../domain/issue-codes';

export const API_ERROR_CODES = [
  /** The input failed its schema; `issues` says which fields and why. */
  'VALIDATION_FAILED',
  /** The method name is not in the contract. */
  'UNKNOWN_METHOD',
  /** A referenced record (case, letter, …) does not exist. */
  'NOT_FOUND',
  /** The record changed since the caller read it, or a uniqueness rule was broken. */
  'CONFLICT',
  /** A workflow action is not allowed in the record's current state. */
  'INVALID_TRANSITION',
  /** Nobody is signed in, or the app is locked: sign in (or unlock) first. Nothing changed. */
  'UNAUTHENTICATED',
  /** The signed-in person's roles (or case access) do not allow this, or an untrusted sender. Nothing changed. */
  'FORBIDDEN',
  /** Too many wrong passwords: wait (issues say how long) before trying again. */
  'THROTTLED',
  /** A needed resource (database, server) is not available right now. */
  'UNAVAILABLE',
  /** The disk holding the data is full; nothing was saved. */
  'STORAGE_FULL',
  /** The data file or its folder is read-only; nothing was saved. */
  'STORAGE_READ_ONLY',
  /** Another Plaint process holds the data file; nothing was saved. */
  'STORAGE_BUSY',
  /** The data file is damaged or not a Plaint database; nothing was saved. */
  'STORAGE_DAMAGED',
  /** A bug: details are in the log file, never sent to the renderer. */
  'INTERNAL',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface FieldIssue {
  /** Dotted path of the offending field in the method's input, '' for the input as a whole. */
  readonly path: string;
  /** English, for the log; the renderer shows the translation of `code`. */
  readonly message: string;
  /** Why, as a code every locale translates (domain/issue-codes.ts). */
  readonly code: IssueCode;
  /** What the translated sentence needs: limits, dates, names. */
  readonly params?: IssueParams;
}

export interface ApiErrorEnvelope {
  readonly code: ApiErrorCode;
  readonly message: string;
  readonly issues: readonly FieldIssue[];
}

export type ApiResponse<R> = { readonly ok: true; readonly result: R } | { readonly ok: false; readonly error: ApiErrorEnvelope };

/**
 * The error class used on both sides of the boundary. The main process throws it from services;
 * the renderer's client re-creates it from the envelope so callers can `catch` it.
 */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly issues: readonly FieldIssue[];

  constructor(code: ApiErrorCode, message: string, issues: readonly FieldIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
  }

  toEnvelope(): ApiErrorEnvelope {
    return { code: this.code, message: this.message, issues: this.issues };
  }

  static fromEnvelope(envelope: ApiErrorEnvelope): ApiError {
    return new ApiError(envelope.code, envelope.message, envelope.issues);
  }

  /** The message for one field, for forms that show errors at the right input. */
  issueFor(path: string): string | undefined {
    return this.issues.find((issue) => issue.path === path)?.message;
  }
}

export function isApiErrorEnvelope(value: unknown): value is ApiErrorEnvelope {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate['code'] === 'string' &&
    (API_ERROR_CODES as readonly string[]).includes(candidate['code']) &&
    typeof candidate['message'] === 'string' &&
    Array.isArray(candidate['issues'])
  );
}
