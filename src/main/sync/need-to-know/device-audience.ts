/**
 * The audience of a device under need-to-know replication (issue 19, P-7.1): the people who
 * signed in on it, as the staff directory says they are now (roles and departments change;
 * a deactivated account sees nothing). Their union decides what the device holds.
 */
import type { RxCollection } from 'rxdb';
import type { StaffMember } from '@shared/domain/records';
import type { Viewer } from '@shared/identity/viewer';
import { viewerOf } from '../../identity/session-service';

export async function deviceAudience(staff: RxCollection<StaffMember>, accountIds: readonly (string | undefined)[]): Promise<Viewer[]> {
  const ids = [...new Set(accountIds.filter((id): id is string => typeof id === 'string' && id !== ''))];
  if (ids.length === 0) return [];
  const members = await staff.findByIds(ids).exec();
  return [...members.values()]
    .map((member) => member.toJSON() as StaffMember)
    .filter((member) => member.active)
    .map(viewerOf);
}
