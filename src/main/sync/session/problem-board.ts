/**
 * The problems a session currently knows of, each under the scope it belongs to: the server as a
 * whole (unreachable, wrong credentials, a server error), one database (missing, no access), or
 * one collection's replication (an answer Plaint cannot read, a write this device could not
 * store). An answer from one database clears that database's problem and the server's, never
 * another database's: one deleted database shows one steady problem, not a flicker between it
 * and the seven that still answer.
 */
import type { SyncProblem } from '@shared/domain/sync';

export interface Problem {
  readonly kind: SyncProblem;
  readonly message: string;
}

export const SERVER_SCOPE = 'server';
/** A document the server refused: over when a push goes through. */
export const PUSH_SCOPE = 'push';
/** What the server sent could not be read or stored: over when a pull goes through. */
export const PULL_SCOPE = 'pull';

/** Which problems concern one database rather than the whole server. */
const DATABASE_PROBLEMS: readonly SyncProblem[] = ['database-missing', 'forbidden'];

export function scopeOf(kind: SyncProblem, database: string | null): string {
  if (kind === 'refused') return PUSH_SCOPE;
  if (kind === 'bad-answer' || kind === 'local-write') return PULL_SCOPE;
  return database !== null && DATABASE_PROBLEMS.includes(kind) ? `database:${database}` : SERVER_SCOPE;
}

export class ProblemBoard {
  private readonly problems = new Map<string, Problem>();

  set(scope: string, problem: Problem): void {
    this.problems.delete(scope);
    this.problems.set(scope, problem);
  }

  clear(scope: string): boolean {
    return this.problems.delete(scope);
  }

  /** An answer from this database: its problems and the server's are over. */
  answered(database: string | null): boolean {
    const cleared = this.clear(SERVER_SCOPE);
    return (database !== null && this.clear(`database:${database}`)) || cleared;
  }

  clearAll(): void {
    this.problems.clear();
  }

  /** The problem to show: the server's first (it explains the rest), then the oldest. */
  current(): Problem | null {
    return this.problems.get(SERVER_SCOPE) ?? this.problems.values().next().value ?? null;
  }

  has(kind?: SyncProblem): boolean {
    return kind === undefined ? this.problems.size > 0 : [...this.problems.values()].some((problem) => problem.kind === kind);
  }
}
