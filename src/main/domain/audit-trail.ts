/**
 * Issue 18: the organisation-wide audit view. Reads the case timelines (every change to a case
 * writes its entries there, audit entries included) across all cases, newest recorded first.
 *
 * P-7.1: managers and administrators see every case except a restricted one they are not named
 * on; entries of cases the viewer may not open are left out before counting and paging, so the
 * total and the pages agree and no count reveals a hidden case. Anyone else is refused.
 */
import { addDays, format } from 'date-fns';
import type { MangoQuerySelector } from 'rxdb';
import type { z } from 'zod';
import type { AuditTrailPage, auditTrailInput } from '../../shared/domain/audit-trail';
import { DomainError } from '../../shared/domain/domain-error';
import type { TimelineEntry } from '../../shared/domain/records';
import { canOpenCase, seesAllCases } from '../../shared/identity/case-access';
import type { Viewer } from '../../shared/identity/viewer';
import { officeInstant } from '../../shared/sla';
import type { CaseDocument, DomainDatabase } from './collections';
import type { SettingsService } from './settings-service';

export class AuditTrail {
  constructor(
    private readonly db: DomainDatabase,
    private readonly settings: SettingsService,
  ) {}

  async page(input: z.output<typeof auditTrailInput>, viewer: Viewer | null | undefined): Promise<AuditTrailPage> {
    if (!viewer || !seesAllCases(viewer)) {
      const message = 'Only a manager or an administrator may read the audit trail of all cases (P-7.1).';
      throw new DomainError('FORBIDDEN', message, [{ path: '', code: 'managers_only', message }]);
    }
    const selector: MangoQuerySelector<TimelineEntry> = {};
    // A restricted case is hidden from everyone it does not name, managers included (P-7.1).
    const restricted = await this.db.cases.find({ selector: { restricted: true } }).exec();
    const hidden = restricted.filter((document) => !canOpenCase(viewer, document.toJSON() as CaseDocument)).map((document) => document.id);
    if (hidden.length > 0) selector.caseId = { $nin: hidden };
    if (input.personId) selector['by.id'] = input.personId;
    if (input.kinds.length > 0) selector.kind = { $in: [...input.kinds] };
    if (input.from || input.to) {
      const calendar = await this.settings.calendar();
      const range: { $gte?: string; $lt?: string } = {};
      if (input.from) range.$gte = officeInstant(calendar, input.from, '00:00').toISOString();
      if (input.to) range.$lt = officeInstant(calendar, format(addDays(new Date(`${input.to}T12:00:00Z`), 1), 'yyyy-MM-dd'), '00:00').toISOString();
      selector.recordedAt = range;
    }
    const total = await this.db.timeline.count({ selector }).exec();
    const found = await this.db.timeline
      .find({ selector, sort: [{ recordedAt: 'desc' }, { order: 'desc' }, { id: 'desc' }], skip: input.offset, limit: input.limit })
      .exec();
    const entries = found.map((document) => document.toJSON() as TimelineEntry);
    const cases = await this.db.cases.findByIds([...new Set(entries.map((entry) => entry.caseId))]).exec();
    return { items: entries.map((entry) => ({ entry, reference: cases.get(entry.caseId)?.reference ?? '' })), total, offset: input.offset };
  }
}
