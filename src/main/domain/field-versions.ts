/**
 * When and by whom each conflict group of a case last changed (case-field-groups.ts says what a
 * group is and how the time is stamped). Its own module, because the case document holds it
 * (collections.ts) and the groups read the case document: neither imports the other.
 */
import type { StaffRef } from '../../shared/domain/records';

export interface FieldVersion {
  readonly at: string;
  readonly by: StaffRef;
}

export type FieldVersions = Readonly<Record<string, FieldVersion>>;
