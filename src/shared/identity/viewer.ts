/**
 * Who is asking (P-7.1, P-7.2): the signed-in account as the main process's session knows it.
 * The session builds it; the dispatcher, the permission table and the need-to-know rules read it.
 * It is never taken from the renderer.
 */
import type { StaffRole } from '../domain/vocabulary';

export interface Viewer {
  /** The staff account's id: the actor of every audit and timeline entry made in this session. */
  readonly accountId: string;
  readonly name: string;
  /** A person may hold several roles. */
  readonly roles: readonly StaffRole[];
  /** The departments the person works for: caseworkers see these departments' cases. */
  readonly departments: readonly string[];
}
