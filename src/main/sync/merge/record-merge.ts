/**
 * Conflict policies of the simpler shared records.
 * - Staff profiles merge field by field; a field changed on both sides keeps the server's value
 *   (the first change to reach the team wins), as profiles carry no edit times. Without a common
 *   base (the server went back to an older copy and this device re-sends what it lacks), the
 *   device's fields are kept: they are the later state of a profile the server had lost.
 * - A device-code claim (reference numbers, P-3.2) keeps the earliest claim, so of two devices
 *   that drew the same code, the newer one takes a new code.
 * - Timeline entries, files and file chunks are written once and never edited: the server's copy
 *   is the same document.
 */
import type { StaffMember } from '../../../shared/domain/records';
import { mergeSettingValue } from './settings-merge';

export function mergeStaff(base: StaffMember | undefined, local: StaffMember, server: StaffMember): StaffMember {
  return mergeSettingValue(base, base !== undefined, local, server, base === undefined) as StaffMember;
}

export interface DeviceCodeClaim {
  readonly id: string;
  readonly deviceId: string;
  readonly claimedAt: string;
}

export function earliestClaim<C extends DeviceCodeClaim>(a: C, b: C): C {
  return a.claimedAt < b.claimedAt || (a.claimedAt === b.claimedAt && a.deviceId < b.deviceId) ? a : b;
}
