/**
 * Until sign-in lands (issue 13, the identity work), the person at this device is the "who am I"
 * staff profile: its id, its one role, no departments. This is the only place that turns it into
 * a Viewer, so the session's viewer replaces it in one step. An inactive profile sees nothing.
 */
import type { Viewer } from '../../shared/identity/viewer';
import type { StaffMember } from '../../shared/domain/records';

export function viewerOfStaff(member: StaffMember): Viewer {
  return { accountId: member.id, name: member.name, roles: member.active ? [member.role] : [], departments: [] };
}
