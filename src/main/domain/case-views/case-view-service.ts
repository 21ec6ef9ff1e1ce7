/**
 * The saved case views of the person using this device: list, save, delete, and the one-off import
 * of views that earlier versions kept in the window's localStorage. The person is a staff id
 * (today "who am I" on this device; the signed-in person later), never one the renderer names.
 *
 * Every change is planned from what was read and committed as a ChangeSet: an import of many
 * views is stored whole or not at all, and a view changed meanwhile (by sync) is planned again.
 */
import crypto from 'node:crypto';
import type { RxCollection, RxDocument } from 'rxdb';
import type { z } from 'zod';
import { MAX_SAVED_VIEWS, type importCaseViewsInput, type SavedCaseView, type saveCaseViewInput } from '@shared/domain/case-views';
import { ChangeSet, commitPlanned } from '../../database/change-set';
import type { Clock } from '../clock';
import { fieldError, notFound } from '@shared/domain/domain-error';
import { caseViewDocumentId, type CaseViewDocument } from './case-views-collection';

export interface CaseViewOwner {
  /** Whose views are read: the person using this device. */
  reader(): Promise<{ id: string }>;
  /** Whose views are written; refuses a person who may not make changes (e.g. no longer active). */
  writer(): Promise<{ id: string }>;
}

function toView(document: CaseViewDocument): SavedCaseView {
  return { id: document.viewId, name: document.name, filters: document.filters, sort: document.sort, search: document.search };
}

function tooMany(path: string): Error {
  return fieldError(path, `You can keep at most ${MAX_SAVED_VIEWS} saved views. Delete one you no longer use first.`, 'too_many_views');
}

export class CaseViewService {
  constructor(
    private readonly views: RxCollection<CaseViewDocument>,
    private readonly owner: CaseViewOwner,
    private readonly clock: Clock,
  ) {}

  private documentsOf(staffId: string): Promise<RxDocument<CaseViewDocument>[]> {
    return this.views.find({ selector: { staffId }, sort: [{ staffId: 'asc' }, { position: 'asc' }] }).exec();
  }

  private nextPosition(mine: readonly RxDocument<CaseViewDocument>[]): number {
    return mine.reduce((highest, document) => Math.max(highest, document.position + 1), 0);
  }

  async list(): Promise<SavedCaseView[]> {
    const { id } = await this.owner.reader();
    return (await this.documentsOf(id)).map((document) => toView(document.toMutableJSON()));
  }

  async save(input: z.output<typeof saveCaseViewInput>): Promise<{ view: SavedCaseView; views: SavedCaseView[] }> {
    const { id: staffId } = await this.owner.writer();
    const saved = await commitPlanned(async () => {
      const mine = await this.documentsOf(staffId);
      const now = this.clock.now().toISOString();
      const contents = { name: input.name, filters: input.filters, sort: input.sort, search: input.search, updatedAt: now };
      const changes = new ChangeSet();
      if (input.id) {
        const current = mine.find((document) => document.viewId === input.id);
        if (!current) throw notFound('Saved view', input.id, 'id');
        const next: CaseViewDocument = { ...current.toMutableJSON(), ...contents };
        return { changes: changes.update(this.views, current, next), result: next };
      }
      if (mine.length >= MAX_SAVED_VIEWS) throw tooMany('');
      const viewId = `custom-${crypto.randomUUID()}`;
      const created: CaseViewDocument = {
        id: caseViewDocumentId(staffId, viewId),
        staffId,
        viewId,
        ...contents,
        position: this.nextPosition(mine),
        createdAt: now,
      };
      return { changes: changes.insert(this.views, created), result: created };
    });
    return { view: toView(saved), views: await this.list() };
  }

  async remove(viewId: string): Promise<SavedCaseView[]> {
    const { id: staffId } = await this.owner.writer();
    await commitPlanned(async () => {
      const current = await this.views.findOne(caseViewDocumentId(staffId, viewId)).exec();
      if (!current) throw notFound('Saved view', viewId, 'id');
      return { changes: new ChangeSet().remove(this.views, current), result: null };
    });
    return this.list();
  }

  async import(input: z.output<typeof importCaseViewsInput>): Promise<SavedCaseView[]> {
    const { id: staffId } = await this.owner.writer();
    await commitPlanned(async () => {
      const mine = await this.documentsOf(staffId);
      const held = new Set(mine.map((document) => document.viewId));
      const arriving = input.views.filter((view) => !held.has(view.id));
      if (mine.length + arriving.length > MAX_SAVED_VIEWS) throw tooMany('views');
      const now = this.clock.now().toISOString();
      const first = this.nextPosition(mine);
      const documents = arriving.map((view, index): CaseViewDocument => ({
        ...view,
        id: caseViewDocumentId(staffId, view.id),
        staffId,
        viewId: view.id,
        position: first + index,
        createdAt: now,
        updatedAt: now,
      }));
      return { changes: new ChangeSet().insert(this.views, ...documents), result: null };
    });
    return this.list();
  }
}
