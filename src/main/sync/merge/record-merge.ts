/**
 * Conflict policies of the simpler shared records.
 * - Staff accounts merge field by field (roles, departments, login and password whole); a field changed on both sides keeps the server's value
 *   (the first change to reach the team wins), as profiles carry no edit times. Without a common
 *   base (the server went back to an older copy and this device re-sends what it lacks), the
 *   device's fields are kept: they are the later state of a profile the server had lost.
 * - A device-code claim (reference numbers, P-3.2) keeps the earliest claim, so of two devices
 *   that drew the same code, the newer one takes a new code.
 * - Timeline entries, files and file chunks are written once and never edited: the server's copy
 *   is the same document.
 */
import type { DeviceCodeClaim, StaffMember } from '@shared/domain/records';
import { sameValue } from './edits';
import { mergeSettingValue } from './settings-merge';

/**
 * Roles, departments and the password verifier are taken whole from one side, never merged as
 * sets: a role taken away on one device must not come back by a union with the other.
 */
type WholeField = 'roles' | 'departments' | 'password' | 'login';

export function mergeStaff(base: StaffMember | undefined, local: StaffMember, server: StaffMember): StaffMember {
  const merged = mergeSettingValue(base, base !== undefined, local, server, base === undefined) as StaffMember;
  const whole = <K extends WholeField>(key: K): StaffMember[K] => {
    const before = base?.[key];
    const mine: StaffMember[K] = local[key];
    const theirs: StaffMember[K] = server[key];
    if (sameValue(mine, theirs)) return mine;
    if (base !== undefined && sameValue(before, mine)) return theirs;
    if (base !== undefined && sameValue(before, theirs)) return mine;
    return base === undefined ? mine : theirs;
  };
  return { ...merged, roles: whole('roles'), departments: whole('departments'), password: whole('password'), login: whole('login') };
}

export type { DeviceCodeClaim };

export function earliestClaim<C extends DeviceCodeClaim>(a: C, b: C): C {
  return a.claimedAt < b.claimedAt || (a.claimedAt === b.claimedAt && a.deviceId < b.deviceId) ? a : b;
}
