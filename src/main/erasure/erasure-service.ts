/**
 * Issue 14 (P-7.2): erasure of a person's data, on request or when an administrator approves the
 * cases past retention, and the erasure register.
 *
 * - All or nothing: the cases, their timelines, letters, scans and PDFs, this device's
 *   notifications and the register line are one change set. An unknown case or letter, a case the
 *   administrator may not open (P-7.1), a missing reason or one that names the person refuses the
 *   whole request, and nothing is written.
 * - Sync carries the result to every device (the case's anonymisation marker wins every merge;
 *   other devices accept exactly the erased form of records written once: sync/inbound).
 * - The register (settings area `erasureRegister`, replicated, merged record by record) says
 *   who, when, why and how many records; never what was erased.
 */
import { ChangeSet, commitPlanned } from '../database/change-set';
import { caseAccess } from '../../shared/identity/case-access';
import type { Viewer } from '../../shared/identity/viewer';
import { fieldError, notFound } from '../../shared/domain/domain-error';
import { foldText } from '../../shared/domain/people-search';
import type { StaffRef } from '../../shared/domain/records';
import { erasureRegisterSchema, type ErasureCounts, type ErasureRecord, type ErasureTrigger } from '../../shared/domain/retention';
import { causalTime } from '../domain/case-field-groups';
import { caseForbidden } from '../domain/case-visibility';
import type { Clock } from '../domain/clock';
import type { CaseDocument, SettingsDocument } from '../domain/collections';
import type { LetterDocument } from '../post-room/letters-collection';
import { unwrapSqliteInstance } from '../storage/unwrap';
import { planErasure, type ErasureStores } from './erasure-plan';
import { isAnonymised } from './redaction';

export const REGISTER_AREA = 'erasureRegister';

export interface ErasureRequest {
  readonly caseIds: readonly string[];
  readonly letterIds: readonly string[];
  readonly reason: string;
  readonly trigger: ErasureTrigger;
}

interface PersonalStrings {
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly postcode: string;
}

/** Whether a reason repeats personal data of the records it erases (the register must hold none of it). */
export function reasonNamesPerson(reason: string, people: readonly PersonalStrings[]): boolean {
  const folded = foldText(reason);
  const words = new Set(folded.split(' '));
  const compact = folded.replace(/\s/g, '');
  const digits = reason.replace(/\D/g, '');
  return people.some((person) => {
    const nameWords = foldText(person.name)
      .split(' ')
      .filter((word) => word.length >= 3);
    const email = person.email.trim().toLowerCase();
    const phone = person.phone.replace(/\D/g, '').slice(-7);
    const postcode = foldText(person.postcode).replace(/\s/g, '');
    return (
      nameWords.some((word) => words.has(word)) ||
      (email !== '' && folded.includes(email)) ||
      (phone.length === 7 && digits.includes(phone)) ||
      (postcode.length >= 3 && compact.includes(postcode))
    );
  });
}

function personalStrings(cases: readonly CaseDocument[], letters: readonly LetterDocument[]): PersonalStrings[] {
  return [
    ...cases
      .filter((record) => !isAnonymised(record))
      .map((record) => ({
        name: record.complainant.name,
        email: record.complainant.email,
        phone: record.complainant.phone,
        postcode: record.complainant.address?.postcode ?? '',
      })),
    ...letters.map((letter) => ({
      name: letter.party.name,
      email: letter.party.email ?? '',
      phone: letter.party.phone ?? '',
      postcode: letter.party.postcode,
    })),
  ];
}

export class ErasureService {
  constructor(
    private readonly stores: ErasureStores,
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {}

  /** The register, newest first. */
  async register(): Promise<ErasureRecord[]> {
    const stored = await this.stores.db.settings.findOne(REGISTER_AREA).exec();
    const parsed = erasureRegisterSchema.safeParse(stored?.value.data ?? []);
    return parsed.success ? [...parsed.data].sort((a, b) => b.at.localeCompare(a.at)) : [];
  }

  /** Erases the chosen cases and letters and records it in the register, all at once. */
  erase(request: ErasureRequest, viewer: Viewer): Promise<ErasureRecord> {
    const actor: StaffRef = { id: viewer.accountId, name: viewer.name };
    return commitPlanned(async () => {
      const cases = await this.visibleCases(request.caseIds, viewer);
      const letters = await this.visibleLetters(request.letterIds, viewer);
      if (request.trigger === 'request' && reasonNamesPerson(request.reason, personalStrings(cases, letters))) {
        throw fieldError('reason', 'The reason must not contain the personal data being erased', 'reason_names_person');
      }
      const now = this.clock.now().toISOString();
      const changes = new ChangeSet();
      const counts = await planErasure(this.stores, changes, request.caseIds, request.letterIds, actor, now);
      const record: ErasureRecord = { id: this.newId(), at: now, by: actor, trigger: request.trigger, reason: request.reason, counts };
      await this.planRegisterLine(changes, record, actor, now);
      return { changes, result: record };
    }).then((record) => (this.forgetSearchWords(), record));
  }

  /** The search index keeps the words of the old versions until it is merged: merge it now. */
  forgetSearchWords(): void {
    try {
      unwrapSqliteInstance(this.stores.db.cases.storageInstance)?.optimizeFullText();
    } catch {
      // The erasure stands; the index is merged again by the next sweep (the daily check).
    }
  }

  /**
   * Erases again what reached this device after its case was anonymised (an entry written offline
   * on another device before it heard of the erasure), for every anonymised case or those named.
   * Nothing goes to the register: nothing new was decided. Returns what changed.
   */
  async sweep(actor: StaffRef, caseIds?: readonly string[]): Promise<ErasureCounts> {
    const candidates = caseIds ? [...(await this.stores.db.cases.findByIds([...caseIds]).exec()).values()] : await this.stores.db.cases.find().exec();
    const anonymised = candidates.filter((record) => isAnonymised(record)).map((record) => record.id);
    if (anonymised.length === 0) return { cases: 0, timelineEntries: 0, letters: 0, files: 0 };
    return commitPlanned(async () => {
      const changes = new ChangeSet();
      const counts = await planErasure(this.stores, changes, anonymised, [], actor, this.clock.now().toISOString());
      return { changes, result: counts };
    }).then((counts) => {
      if (counts.cases + counts.timelineEntries + counts.letters + counts.files > 0) this.forgetSearchWords();
      return counts;
    });
  }

  private async visibleCases(caseIds: readonly string[], viewer: Viewer): Promise<CaseDocument[]> {
    const found = await this.stores.db.cases.findByIds([...caseIds]).exec();
    return caseIds.map((caseId, index) => {
      const stored = found.get(caseId);
      if (!stored) throw notFound('Case', caseId, `caseIds.${index}`);
      const record = stored.toJSON() as CaseDocument;
      if (caseAccess(viewer, record) !== 'full') throw caseForbidden(caseId);
      return record;
    });
  }

  private async visibleLetters(letterIds: readonly string[], viewer: Viewer): Promise<LetterDocument[]> {
    const found = await this.stores.letters.findByIds([...letterIds]).exec();
    const letters = letterIds.map((letterId, index) => {
      const stored = found.get(letterId);
      if (!stored) throw notFound('Letter', letterId, `letterIds.${index}`);
      return stored.toJSON() as LetterDocument;
    });
    // A letter filed on a case is erased only by someone who may open that case (P-7.1).
    const caseIds = [...new Set(letters.flatMap((letter) => (letter.caseId ? [letter.caseId] : [])))];
    const cases = await this.stores.db.cases.findByIds(caseIds).exec();
    for (const caseId of caseIds) {
      const record = cases.get(caseId);
      if (record && caseAccess(viewer, record.toJSON() as CaseDocument) !== 'full') throw caseForbidden(caseId);
    }
    return letters;
  }

  private async planRegisterLine(changes: ChangeSet, record: ErasureRecord, actor: StaffRef, now: string): Promise<void> {
    const current = await this.stores.db.settings.findOne(REGISTER_AREA).exec();
    const lines: unknown[] = Array.isArray(current?.value.data) ? [...(current.value.data as unknown[])] : [];
    const next: SettingsDocument = {
      id: REGISTER_AREA,
      value: { data: [...lines, record] },
      // Causal save time (sync's merge order): after the save it replaces.
      updatedAt: causalTime(current ? Date.parse(current.updatedAt) : 0, now),
      updatedBy: actor,
    };
    if (current) changes.update(this.stores.db.settings, current, next);
    else changes.insert(this.stores.db.settings, next);
  }
}
