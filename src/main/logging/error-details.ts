/**
 * What the log keeps of an error: never personal data (P-7.2, issue 11). RxDB's error messages
 * carry the whole document that failed (a complainant's name, e-mail and phone), and messages of
 * our own errors may quote input. So the log gets the error's class, its code or storage kind,
 * the ids and paths RxDB reports, which schema rule failed, and where in the code it was thrown,
 * but no message text, except for the JavaScript engine's own errors, whose messages describe
 * code (e.g. "Cannot read properties of undefined (reading 'at')").
 */
import { StorageError } from '../storage/storage-errors';

const ENGINE_ERRORS = new Set(['TypeError', 'ReferenceError', 'RangeError']);
const MAX_FRAMES = 10;
const MAX_DEPTH = 3;

function stackFrames(error: Error): string[] {
  return (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, MAX_FRAMES)
    .map((line) => line.trim());
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** The parts of RxDB's error parameters that identify, never the document's content. */
function rxdbParameters(parameters: Record<string, unknown>): Record<string, unknown> {
  const writeError = record(parameters['writeError']);
  const validationErrors = Array.isArray(writeError?.['validationErrors']) ? (writeError['validationErrors'] as unknown[]) : [];
  const picked: Record<string, unknown> = {
    collection: text(parameters['collection']),
    id: text(parameters['id']) ?? text(writeError?.['documentId']),
    status: text(writeError?.['status']),
    rules: validationErrors.map((issue) => `${text(record(issue)?.['instancePath']) ?? ''} ${text(record(issue)?.['keyword']) ?? ''}`.trim()),
  };
  return Object.fromEntries(Object.entries(picked).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)));
}

export function errorDetails(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { thrown: error === null ? 'null' : typeof error };
  const details: Record<string, unknown> = { name: error.name };
  const code = text((error as { code?: unknown }).code);
  if (code !== undefined) details['code'] = code;
  if (ENGINE_ERRORS.has(error.name)) details['message'] = error.message.slice(0, 300);
  if (error instanceof StorageError) Object.assign(details, { kind: error.kind, sqliteCode: error.sqliteCode, file: error.file });
  const parameters = record((error as { parameters?: unknown }).parameters);
  if (parameters) Object.assign(details, rxdbParameters(parameters));
  details['at'] = stackFrames(error);
  if (error.cause !== undefined && depth < MAX_DEPTH) details['cause'] = errorDetails(error.cause, depth + 1);
  return details;
}
