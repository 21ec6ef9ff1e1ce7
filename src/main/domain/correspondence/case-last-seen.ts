/**
 * When each person last opened each case on this device (issue 18): the "updated since I last
 * looked" marker compares it with the correspondence that arrived. Device-local, never
 * replicated: the marks are kept in the device ledger (database/device-ledger.ts) under
 * `<staff id>|seen|<case id>`.
 */
import type { DeviceLedger } from '../../database/device-ledger';

function markKey(staffId: string, caseId: string): string {
  return `${staffId}|seen|${caseId}`;
}

export class CaseLastSeen {
  constructor(private readonly ledger: DeviceLedger) {}

  /** When this person last opened each of these cases here (cases never opened are absent). */
  async seenAt(staffId: string, caseIds: readonly string[]): Promise<Map<string, string>> {
    if (caseIds.length === 0) return new Map();
    const found = await this.ledger.findByIds(caseIds.map((caseId) => markKey(staffId, caseId))).exec();
    return new Map(
      caseIds.flatMap((caseId) => {
        const mark = found.get(markKey(staffId, caseId));
        return mark ? [[caseId, mark.notifiedAt] as const] : [];
      }),
    );
  }

  async markSeen(staffId: string, caseId: string, at: string): Promise<void> {
    await this.ledger.upsert({ key: markKey(staffId, caseId), notifiedAt: at });
  }
}
