/**
 * What a replication error means, for the status and the log. RxDB wraps the handlers' errors
 * (RC_PULL, RC_PUSH, RC_STREAM) and its own failed local writes; its messages embed whole
 * documents, so the log gets a description made of codes, error names, HTTP statuses, document
 * ids and schema rule names: enough to find the reason, and never personal data (P-7.2).
 */
import type { SyncProblem } from '@shared/domain/sync';

export interface ErrorDescription {
  readonly code: string;
  readonly causes: readonly string[];
  readonly ids: readonly string[];
}

type Plain = { name?: unknown; message?: unknown; code?: unknown; status?: unknown; documentId?: unknown; parameters?: unknown; writeError?: unknown };

/** Our own errors' messages carry ids and statuses only, so they may be logged as they are. */
const OWN_ERRORS = new Set(['BadAnswerError', 'CouchAnswerError', 'PushRefusedError', 'SilentServerError']);

function causesOf(value: unknown, depth = 0): { causes: string[]; ids: string[] } {
  if (depth > 3 || typeof value !== 'object' || value === null) return { causes: [], ids: [] };
  const error = value as Plain;
  const causes: string[] = [];
  const ids: string[] = [];
  const name = typeof error.name === 'string' ? error.name : null;
  if (name && OWN_ERRORS.has(name) && typeof error.message === 'string') causes.push(error.message);
  else if (name === 'TypeError' && typeof error.message === 'string' && error.message.startsWith('fetch failed')) causes.push('network: fetch failed');
  else if (name) causes.push(name);
  const writeError = error.writeError as { status?: unknown; documentId?: unknown; validationErrors?: unknown } | undefined;
  if (writeError) {
    causes.push(`local write refused (status ${String(writeError.status)})`);
    if (typeof writeError.documentId === 'string') ids.push(writeError.documentId);
    if (Array.isArray(writeError.validationErrors)) {
      for (const rule of writeError.validationErrors.slice(0, 10) as { instancePath?: unknown; keyword?: unknown }[])
        causes.push(`schema: ${String(rule.instancePath ?? '')} ${String(rule.keyword ?? '')}`.trim());
    }
  }
  const parameters = (error.parameters ?? {}) as { errors?: unknown; writeError?: unknown; id?: unknown };
  if (typeof parameters.id === 'string') ids.push(parameters.id);
  for (const inner of [
    ...(Array.isArray(parameters.errors) ? parameters.errors : []),
    ...(parameters.writeError ? [{ writeError: parameters.writeError }] : []),
  ]) {
    const found = causesOf(inner, depth + 1);
    causes.push(...found.causes);
    ids.push(...found.ids);
  }
  return { causes, ids };
}

export function describeReplicationError(error: unknown): ErrorDescription {
  const code = typeof (error as Plain | null)?.code === 'string' ? String((error as Plain).code) : error instanceof Error ? error.name : 'unknown';
  const { causes, ids } = causesOf(error);
  return { code, causes: [...new Set(causes)].slice(0, 20), ids: [...new Set(ids)].slice(0, 20) };
}

/** The problem to show for a replication error, or null when another path reports it (HTTP answers, the network). */
export function problemOfReplicationError(description: ErrorDescription): { kind: SyncProblem; message: string } | null {
  if (description.causes.some((cause) => cause.startsWith("The server's answer to"))) {
    return { kind: 'bad-answer', message: 'The server sent an answer that is not a CouchDB answer. Check the server address, or a proxy in between.' };
  }
  if (description.causes.some((cause) => cause.startsWith('local write refused'))) {
    return {
      kind: 'local-write',
      message: `This device could not store what the server sent${description.ids.length > 0 ? ` (${description.ids.slice(0, 3).join(', ')})` : ''}. The details are in the log.`,
    };
  }
  return null;
}
