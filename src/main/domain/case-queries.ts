/**
 * Reading cases: one case with its timeline; lists with filters, sorts, paging and text search;
 * counts for saved views; quick search by reference or name; possible duplicates. Lists are
 * answered by indexed RxDB queries on the SQLite storage; text search by its FTS5 index.
 */
import { getQueryMatcher, getSortComparator, normalizeMangoQuery, prepareQuery, type MangoQuery, type MangoQuerySelector, type MangoQuerySortPart } from 'rxdb';
import type { z } from 'zod';
import { availableActions } from '../../shared/domain/workflow';
import type { CaseFilters, CaseSortField, countCasesInput, findDuplicatesInput, listCasesInput } from '../../shared/domain/inputs';
import { acknowledgementUndelivered, type CaseRecord, type TimelineEntry } from '../../shared/domain/records';
import type { CaseDetail, CaseList, CaseListItem, QuickSearchHit, QuickSearchResult } from '../../shared/domain/views';
import { looksLikeReferencePrefix, parseReference } from '../../shared/reference/reference-number';
import { deadlineState, endOfOfficeDay, officeInstant, timeTaken, type Deadline, type DeadlineState } from '../../shared/sla';
import { addDays, format } from 'date-fns';
import { unwrapSqliteInstance } from '../storage';
import { sortableName } from './case-derivation';
import type { Clock } from './clock';
import { NO_DEADLINE, type CaseDocument, type DomainDatabase } from './collections';
import { notFound } from '../../shared/domain/domain-error';
import type { SettingsService } from './settings-service';
import type { Viewer } from '../../shared/identity/viewer';
import { caseAccess, type CaseAccessFacts } from '../../shared/identity/case-access';
import { caseForbidden, visibilityPrefilter, visibleSelector } from './case-visibility';

type Selector = MangoQuerySelector<CaseDocument>;

export interface OpenCaseDeadlines {
  readonly caseId: string;
  readonly reference: string;
  readonly complainantName: string;
  readonly assigneeId: string;
  /** P-7.1: who may see the case (the notifier tells only them). */
  readonly access: CaseAccessFacts;
  readonly deadlines: readonly (Deadline & { readonly state: DeadlineState })[];
}

const SEARCH_CANDIDATES = 5_000;

export function toListItem(record: CaseDocument | CaseRecord): CaseListItem {
  const next = record.deadlines.find((deadline) => deadline.kind === record.nextDeadlineKind && !deadline.metAt);
  return {
    id: record.id,
    reference: record.reference,
    complainantName: record.complainant.name,
    type: record.type,
    channel: record.channel,
    stage: record.stage,
    status: record.status,
    assignee: record.assignee,
    receivedAt: record.receivedAt,
    nextDeadline:
      record.open && next ? { kind: next.kind, dueAt: next.dueAt, warnAt: next.warnAt, ...(next.breachedAt ? { breachedAt: next.breachedAt } : {}) } : null,
    openInquiries: record.openInquiries.length,
    extensionWithoutNotice: record.extensions.some((extension) => extension.customerNotice === null),
    acknowledgementUndelivered: acknowledgementUndelivered(record) !== null,
    restricted: record.restricted,
    updatedAt: record.updatedAt,
  };
}

function stripStorageFields(document: CaseDocument & { _meta?: unknown; _rev?: unknown; _attachments?: unknown; _deleted?: unknown }): CaseRecord {
  const { assigneeName: _assigneeName, _meta, _rev, _attachments, _deleted, ...record } = document;
  return record;
}

/** Each column sorts by an index (read forwards or backwards) when the filters allow it. */
export function sortFor(field: CaseSortField, direction: 'asc' | 'desc'): MangoQuerySortPart<CaseDocument>[] {
  const by = (...fields: string[]) => [...fields, 'id'].map((name) => ({ [name]: direction }) as MangoQuerySortPart<CaseDocument>);
  switch (field) {
    case 'reference':
      return by('reference');
    case 'complainant':
      return by('complainantSortName');
    case 'type':
      return by('type', 'receivedAt');
    case 'channel':
      return by('channel', 'receivedAt');
    case 'status':
      return by('status', 'receivedAt');
    case 'stage':
      return by('stage', 'receivedAt');
    case 'assignee':
      return by('assigneeName', 'receivedAt');
    case 'receivedAt':
      return by('receivedAt');
    case 'nextDueAt':
      return by('nextDueAt');
  }
}

const BROAD_RESULT = 2_000;

/**
 * The schema index whose order is the column's sort order. Given as declared in the schema: the
 * collection adds `_deleted` in front (and the id at the end) itself.
 */
export function sortIndexFor(field: CaseSortField, filters: CaseFilters): string[] | undefined {
  switch (field) {
    case 'reference':
      return ['reference'];
    case 'complainant':
      return ['complainantSortName'];
    case 'receivedAt':
      return ['receivedAt'];
    case 'status':
      return ['status', 'receivedAt'];
    case 'type':
      return ['type', 'receivedAt'];
    case 'channel':
      return ['channel', 'receivedAt'];
    case 'assignee':
      return ['assigneeName', 'receivedAt'];
    case 'stage':
      return filters.open !== undefined ? ['stage', 'open', 'receivedAt'] : undefined;
    case 'nextDueAt':
      return filters.open !== undefined ? ['open', 'nextDueAt'] : undefined;
  }
}

export class CaseQueries {
  constructor(
    private readonly db: DomainDatabase,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  async selectorFor(filters: CaseFilters): Promise<Selector> {
    const now = this.clock.now().getTime();
    const clauses: Selector[] = [];
    if (filters.open !== undefined) clauses.push({ open: filters.open });
    if (filters.statuses?.length) clauses.push({ status: { $in: filters.statuses } });
    if (filters.stages?.length) clauses.push({ stage: { $in: filters.stages } });
    if (filters.types?.length) clauses.push({ type: { $in: filters.types } });
    if (filters.channels?.length) clauses.push({ channel: { $in: filters.channels } });
    if (filters.assigneeIds?.length) clauses.push({ assigneeId: { $in: filters.assigneeIds } });
    if (filters.awaitingThirdParty) clauses.push({ status: 'awaiting-third-party' });
    if (filters.receivedFrom || filters.receivedTo) {
      const calendar = await this.settings.calendar();
      const range: Record<string, string> = {};
      if (filters.receivedFrom) range['$gte'] = officeInstant(calendar, filters.receivedFrom, '00:00').toISOString();
      if (filters.receivedTo)
        range['$lt'] = officeInstant(calendar, format(addDays(new Date(`${filters.receivedTo}T12:00:00Z`), 1), 'yyyy-MM-dd'), '00:00').toISOString();
      clauses.push({ receivedAt: range });
    }
    if (filters.deadline === 'breached') clauses.push({ open: true, nextDueAt: { $lt: now } });
    if (filters.deadline === 'due-soon') clauses.push({ open: true, nextWarnAt: { $lte: now }, nextDueAt: { $gte: now } });
    if (filters.deadline === 'running') clauses.push({ open: true, nextDueAt: { $lt: NO_DEADLINE } });
    // Issue 18: breaches an extension followed stay findable (open or closed).
    if (filters.deadline === 'breached-then-extended') clauses.push({ deadlines: { $elemMatch: { breachedAt: { $type: 'string' } } } });
    if (filters.deadline === 'due-today') {
      const endOfToday = endOfOfficeDay(await this.settings.calendar(), new Date(now)).getTime();
      clauses.push({ open: true, nextDueAt: { $gte: now, $lte: endOfToday } });
    }
    // An empty set selects no case (not every case).
    if (filters.caseIds) clauses.push({ id: { $in: [...filters.caseIds] } });
    if (filters.dueBefore) clauses.push({ nextDueAt: { $lt: Date.parse(filters.dueBefore) } });
    return mergeClauses(clauses);
  }

  /** P-7.1: only the cases the viewer may open, filtered in the query so the page and total agree. */
  async list(input: z.output<typeof listCasesInput>, viewer: Viewer | null | undefined): Promise<CaseList> {
    const selector = visibleSelector(await this.selectorFor(input.filters), viewer);
    if (!selector) return { items: [], total: 0, offset: input.offset };
    const sort = sortFor(input.sort.field, input.sort.direction);
    if (input.search.trim() !== '') return this.searchList(input.search, selector, sort, input.offset, input.limit);
    const total = await this.db.cases.count({ selector }).exec();
    const prefilter = visibilityPrefilter(viewer);
    if (prefilter) return this.narrowPage(selector, sort, input, prefilter, total);
    // Many matches: read them in the sort column's index order (forwards or backwards) and stop
    // at the page, instead of letting the planner filter by index and sort them all in memory.
    // Few matches: sorting them is cheap, so the planner keeps its choice.
    const index = total > BROAD_RESULT ? sortIndexFor(input.sort.field, input.filters) : undefined;
    const documents = await this.db.cases.find({ selector, sort, skip: input.offset, limit: input.limit, ...(index ? { index } : {}) }).exec();
    return { items: documents.map((document) => toListItem(document.toJSON() as CaseDocument)), total, offset: input.offset };
  }

  /**
   * P-7.1: a page for a viewer who sees a part of the cases (a caseworker). Their departments are
   * an array, which no RxDB index holds, so the page is read in the sort index's order and rows are
   * tested; SQLite first skips the rows that name none of their departments nor them (the storage's
   * prefilter), so only about the rows shown are parsed, as for a manager, not ten times as many.
   */
  private async narrowPage(
    selector: Selector,
    sort: MangoQuerySortPart<CaseDocument>[],
    input: z.output<typeof listCasesInput>,
    prefilter: string[],
    total: number,
  ): Promise<CaseList> {
    const instance = unwrapSqliteInstance<CaseDocument>(this.db.cases.storageInstance);
    const index = sortIndexFor(input.sort.field, input.filters);
    if (!instance) {
      const documents = await this.db.cases.find({ selector, sort, skip: input.offset, limit: input.limit }).exec();
      return { items: documents.map((document) => toListItem(document.toJSON() as CaseDocument)), total, offset: input.offset };
    }
    const schema = this.db.cases.schema.jsonSchema;
    // Straight to the storage: `_deleted` is stated, and leads the index as the collection's own queries have it.
    const mango = {
      selector: { _deleted: { $eq: false }, ...selector },
      sort,
      skip: input.offset,
      limit: input.limit,
      ...(index ? { index: ['_deleted', ...index] } : {}),
    } as MangoQuery<CaseDocument>;
    const documents = await instance.queryPrefiltered(prepareQuery(schema, normalizeMangoQuery(schema, mango)), prefilter);
    return { items: documents.map(toListItem), total, offset: input.offset };
  }

  /** Text search: candidates from the full-text index (and reference prefixes), then the filters and sort. */
  private async searchList(search: string, selector: Selector, sort: MangoQuerySortPart<CaseDocument>[], offset: number, limit: number): Promise<CaseList> {
    const ids = new Set(await this.referenceMatches(search, SEARCH_CANDIDATES));
    for (const id of this.textMatches(search, SEARCH_CANDIDATES)) ids.add(id);
    const found = await this.db.cases.storageInstance.findDocumentsById([...ids], false);
    const schema = this.db.cases.schema.jsonSchema;
    const query = normalizeMangoQuery(schema, { selector, sort } as MangoQuery<CaseDocument>);
    const matches = getQueryMatcher(schema, query);
    const rows = found.filter((document) => matches(document)).sort(getSortComparator(schema, query));
    return { items: rows.slice(offset, offset + limit).map(toListItem), total: rows.length, offset };
  }

  /** Ids of cases whose full-text index matches (the SQLite storage only; none elsewhere). */
  textMatches(search: string, limit: number): string[] {
    return unwrapSqliteInstance<CaseDocument>(this.db.cases.storageInstance)?.searchText(search, limit) ?? [];
  }

  /** A full valid reference finds its case; a prefix finds references starting with it. */
  private async referenceMatches(search: string, limit: number): Promise<string[]> {
    const parsed = parseReference(search);
    if (parsed.ok) {
      const exact = await this.db.cases.findOne({ selector: { reference: parsed.reference } }).exec();
      return exact ? [exact.id] : [];
    }
    if (!looksLikeReferencePrefix(search)) return [];
    const compact = search.toUpperCase().replace(/[\s-]/g, '').replaceAll('O', '0').replace(/[IL]/g, '1');
    const prefix = compact.length > 4 ? `${compact.slice(0, 4)}-${compact.slice(4)}` : compact;
    const documents = await this.db.cases
      .find({ selector: { reference: { $gte: prefix, $lt: `${prefix}\uffff` } }, sort: [{ reference: 'asc' }], limit })
      .exec();
    return documents.map((document) => document.id);
  }

  /**
   * P-7.1: a case's details and timeline for a viewer who may open it; anyone else is refused
   * with FORBIDDEN and nothing is read further.
   */
  async open(caseId: string, viewer: Viewer | null | undefined): Promise<CaseDetail> {
    await this.assertCanOpen(caseId, viewer);
    return this.get(caseId);
  }

  /** P-7.1: which of these cases the viewer may open now (a case restricted since drops out). */
  async openableIds(caseIds: readonly string[], viewer: Viewer | null | undefined): Promise<Set<string>> {
    const found = await this.db.cases.findByIds([...new Set(caseIds)]).exec();
    return new Set([...found.values()].filter((document) => caseAccess(viewer, document) === 'full').map((document) => document.id));
  }

  /** P-7.1: NOT_FOUND for no such case, FORBIDDEN for a case the viewer may not even find (post room). */
  async assertCanFind(caseId: string, viewer: Viewer | null | undefined): Promise<void> {
    const document = await this.db.cases.findOne(caseId).exec();
    if (!document) throw notFound('Case', caseId);
    if (caseAccess(viewer, document) === 'none') throw caseForbidden(caseId);
  }

  /** P-7.1: NOT_FOUND for no such case, FORBIDDEN for a case the viewer may not open. */
  async assertCanOpen(caseId: string, viewer: Viewer | null | undefined): Promise<void> {
    const document = await this.db.cases.findOne(caseId).exec();
    if (!document) throw notFound('Case', caseId);
    if (caseAccess(viewer, document) !== 'full') throw caseForbidden(caseId);
  }

  /**
   * A case's details for the domain's own decisions (which actions a write may take). Not for
   * answering a person: API reads go through `open`, which applies need-to-know.
   */
  async get(caseId: string): Promise<CaseDetail> {
    const document = await this.db.cases.findOne(caseId).exec();
    if (!document) throw notFound('Case', caseId);
    const record = stripStorageFields(document.toJSON() as CaseDocument);
    const entries = await this.db.timeline.find({ selector: { caseId }, sort: [{ caseId: 'asc' }, { at: 'asc' }, { recordedAt: 'asc' }] }).exec();
    const calendar = await this.settings.calendar();
    const clock = record.clock;
    const resolvedAt = record.stage === 2 ? clock.stage2ResolvedAt : clock.stage1ResolvedAt;
    const resolutionStart = record.stage === 2 ? clock.escalationAcknowledgedAt : clock.acknowledgedAt;
    return {
      case: record,
      timeline: entries
        .map((entry) => entry.toJSON() as TimelineEntry)
        .sort((a, b) => a.at.localeCompare(b.at) || a.recordedAt.localeCompare(b.recordedAt) || a.order - b.order),
      availableActions: availableActions(record),
      timeTaken: {
        acknowledgement: clock.acknowledgedAt ? timeTaken(calendar, clock.receivedAt, clock.acknowledgedAt) : null,
        resolution:
          resolvedAt && resolutionStart
            ? timeTaken(calendar, record.stage === 2 ? (clock.escalationRequestedAt ?? resolutionStart) : clock.receivedAt, resolvedAt)
            : null,
      },
    };
  }

  /**
   * Every open case's deadlines with their states now: what the deadline notifier schedules from
   * and what "recompute every open case's deadline states" means. Read straight from the
   * storage (no RxDocument objects), in deadline order.
   */
  async openDeadlines(now: Date = this.clock.now()): Promise<OpenCaseDeadlines[]> {
    const schema = this.db.cases.schema.jsonSchema;
    // Straight to the storage, so `_deleted: false` must be stated (collections add it themselves).
    const query = prepareQuery(
      schema,
      normalizeMangoQuery(schema, {
        selector: { _deleted: { $eq: false }, open: true },
        sort: [{ open: 'asc' }, { nextDueAt: 'asc' }],
      } as MangoQuery<CaseDocument>),
    );
    const { documents } = await this.db.cases.storageInstance.query(query);
    return documents.map((document) => ({
      caseId: document.id,
      reference: document.reference,
      complainantName: document.complainant.name,
      assigneeId: document.assigneeId,
      access: { assigneeId: document.assigneeId, departments: document.departments, restricted: document.restricted, restrictedTo: document.restrictedTo },
      deadlines: document.deadlines.filter((deadline) => !deadline.metAt).map((deadline) => ({ ...deadline, state: deadlineState(deadline, now) })),
    }));
  }

  /** P-7.1: a count never includes a case its reader cannot open. */
  async count(input: z.output<typeof countCasesInput>, viewer: Viewer | null | undefined): Promise<Record<string, number>> {
    const entries = await Promise.all(
      Object.entries(input.views).map(async ([name, filters]) => {
        const selector = visibleSelector(await this.selectorFor(filters), viewer);
        return [name, selector ? await this.db.cases.count({ selector }).exec() : 0] as const;
      }),
    );
    return Object.fromEntries(entries);
  }

  /**
   * A query shaped like a whole reference is checked by its check character: a mistyped one is
   * reported, not answered with look-alike cases.
   */
  async quickSearch(query: string, limit: number, viewer: Viewer | null | undefined): Promise<QuickSearchResult> {
    const compact = query.toUpperCase().replace(/[\s-]/g, '');
    const parsed = parseReference(query);
    if (
      !parsed.ok &&
      /^[0-9A-Z]{9,13}$/.test(compact) &&
      /\d/.test(compact) &&
      looksLikeReferencePrefix(query) &&
      (parsed.problem === 'check-failed' || parsed.problem === 'invalid-character')
    ) {
      return { hits: [], referenceProblem: parsed.problem };
    }
    return { hits: await this.searchHits(query, limit, viewer), referenceProblem: null };
  }

  /**
   * P-7.1: hits are the cases the viewer may find. A clerk finds cases to attach post to and gets
   * the post-room projection only (reference, complainant name, status): no summary.
   */
  private async searchHits(query: string, limit: number, viewer: Viewer | null | undefined): Promise<QuickSearchHit[]> {
    if (!visibleSelector({}, viewer, 'find')) return [];
    const byReference = await this.referenceMatches(query, SEARCH_CANDIDATES);
    const byText = this.textMatches(query, SEARCH_CANDIDATES).filter((id) => !byReference.includes(id));
    const ids = [...byReference, ...byText];
    const documents = await this.db.cases.findByIds(ids).exec();
    const hits: QuickSearchHit[] = [];
    for (const id of ids) {
      const document = documents.get(id);
      const access = document ? caseAccess(viewer, document) : 'none';
      if (!document || access === 'none') continue;
      const summary = access === 'full' ? document.summary : '';
      hits.push({
        id,
        reference: document.reference,
        complainantName: document.complainant.name,
        status: document.status,
        summary,
        matchedBy: byReference.includes(id) ? 'reference' : 'text',
      });
      if (hits.length >= limit) break;
    }
    return hits;
  }

  /** Open cases that may be the same complainant: same e-mail, phone, or name (and postcode if given). */
  async findPossibleDuplicates(input: z.output<typeof findDuplicatesInput>, viewer: Viewer | null | undefined): Promise<CaseListItem[]> {
    const candidates = new Map<string, CaseDocument>();
    const add = (documents: { toJSON(): unknown }[]) =>
      documents.forEach((document) => candidates.set((document.toJSON() as CaseDocument).id, document.toJSON() as CaseDocument));
    if (input.name) add(await this.db.cases.find({ selector: { complainantSortName: sortableName(input.name), open: true }, limit: 50 }).exec());
    const digits = (phone: string) => phone.replace(/\D/g, '').slice(-9);
    for (const probe of [input.email, digits(input.phone)].filter(Boolean)) {
      const ids = this.textMatches(probe, 200);
      const found = await this.db.cases.findByIds(ids).exec();
      add([...found.values()].filter((document) => document.open));
    }
    const email = input.email.toLowerCase();
    const matchesPerson = (record: CaseDocument) =>
      (email !== '' && record.complainant.email.toLowerCase() === email) ||
      (input.phone !== '' && digits(record.complainant.phone) !== '' && digits(record.complainant.phone) === digits(input.phone)) ||
      (input.name !== '' &&
        record.complainantSortName === sortableName(input.name) &&
        (input.postcode === '' ||
          (record.complainant.address?.postcode ?? '').replace(/\s/g, '').toUpperCase() === input.postcode.replace(/\s/g, '').toUpperCase()));
    // P-7.1: a hint names only cases the viewer may open.
    return [...candidates.values()]
      .filter((record) => record.open && matchesPerson(record) && caseAccess(viewer, record) === 'full')
      .slice(0, 10)
      .map(toListItem);
  }
}

/** Combines clauses; two conditions on one field are kept apart with $and. */
function mergeClauses(clauses: Selector[]): Selector {
  const merged: Record<string, unknown> = {};
  const extra: Selector[] = [];
  for (const clause of clauses) {
    for (const [field, condition] of Object.entries(clause)) {
      if (!(field in merged)) merged[field] = condition;
      else if (JSON.stringify(merged[field]) !== JSON.stringify(condition)) extra.push({ [field]: condition } as Selector);
    }
  }
  return extra.length > 0 ? ({ ...merged, $and: extra } as Selector) : (merged as Selector);
}
