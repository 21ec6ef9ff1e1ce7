/**
 * P-5.3: improvement actions (shared/domain/improvement-actions.ts), kept in the synced settings.
 * Saving checks what the input schema cannot: the owner is an active account of the team, every
 * root cause is one of the taxonomy (a retired one only if the action addressed it already), and
 * an action is not completed on a day still to come. A refusal names the field and saves nothing.
 */
import { DomainError, fieldError, notFound, type DomainIssue } from '../../shared/domain/domain-error';
import { refuseFutureDay } from '../../shared/domain/recorded-times';
import { improvementDue, type ImprovementAction, type OwnedImprovementAction, type SaveImprovementActionInput } from '../../shared/domain/improvement-actions';
import type { StaffRef } from '../../shared/domain/records';
import { findRootCause } from '../../shared/domain/root-causes';
import { officeDay } from '../../shared/sla';
import { newId, type Clock } from './clock';
import type { DomainDatabase } from './collections';
import type { SettingsService } from './settings-service';

export class ImprovementActionService {
  /** Saves run one after another: each reads the list the one before it wrote (no lost update). */
  private saving: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Pick<DomainDatabase, 'staff'>,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  /** Every action, the soonest due first. */
  async list(): Promise<ImprovementAction[]> {
    return (await this.settings.improvementActions()).sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title));
  }

  /** The open actions a person owns that are due within a week or overdue (their "to do"). */
  async dueFor(accountId: string): Promise<OwnedImprovementAction[]> {
    const today = await this.today();
    return (await this.list()).flatMap((action) => {
      const due = action.ownerId === accountId ? improvementDue(action, today) : null;
      return due === 'overdue' || due === 'due-soon' ? [{ action, due }] : [];
    });
  }

  save(input: SaveImprovementActionInput, actor: StaffRef): Promise<ImprovementAction> {
    const saved = this.saving.then(() => this.saveNow(input, actor));
    this.saving = saved.catch(() => undefined);
    return saved;
  }

  private async saveNow(input: SaveImprovementActionInput, actor: StaffRef): Promise<ImprovementAction> {
    const actions = await this.settings.improvementActions();
    const previous = input.id === undefined ? undefined : actions.find((action) => action.id === input.id);
    if (input.id !== undefined && !previous) throw notFound('Improvement action', input.id, 'id');
    const owner = await this.activeOwner(input.ownerId);
    await this.refuseUnknownCauses(input.rootCauseIds, previous?.rootCauseIds ?? []);
    if (input.completedOn !== null) refuseFutureDay('completedOn', input.completedOn, await this.today());
    const at = this.clock.now().toISOString();
    const saved: ImprovementAction = {
      id: previous?.id ?? newId(),
      title: input.title,
      ownerId: owner.id,
      ownerName: owner.name,
      dueOn: input.dueOn,
      status: input.status,
      completedOn: input.completedOn,
      rootCauseIds: [...input.rootCauseIds],
      lessonsLearned: input.lessonsLearned,
      createdAt: previous?.createdAt ?? at,
      createdBy: previous?.createdBy ?? actor,
      updatedAt: at,
      updatedBy: actor,
    };
    const next = previous ? actions.map((action) => (action.id === saved.id ? saved : action)) : [...actions, saved];
    await this.settings.storeImprovementActions(next, actor);
    return saved;
  }

  private async today(): Promise<string> {
    return officeDay(await this.settings.calendar(), this.clock.now());
  }

  private async activeOwner(accountId: string): Promise<StaffRef> {
    const member = await this.db.staff.findOne(accountId).exec();
    if (!member) throw fieldError('ownerId', 'No account with this id', 'not_found');
    if (!member.active) throw fieldError('ownerId', `${member.name} is no longer active`, 'inactive');
    return { id: member.id, name: member.name };
  }

  private async refuseUnknownCauses(causeIds: readonly string[], kept: readonly string[]): Promise<void> {
    const { rootCauses } = await this.settings.values();
    const issues = causeIds.flatMap((causeId, index): DomainIssue[] => {
      const entry = findRootCause(rootCauses, causeId);
      const path = `rootCauseIds.${index}`;
      if (!entry) return [{ path, code: 'unknown_root_cause', message: 'Not one of the root causes in settings' }];
      if (!entry.selectable && !kept.includes(causeId)) return [{ path, code: 'retired_root_cause', message: 'This root cause is retired' }];
      return [];
    });
    if (issues.length > 0) throw new DomainError('VALIDATION_FAILED', issues.map((found) => found.message).join('; '), issues);
  }
}
