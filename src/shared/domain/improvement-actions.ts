/**
 * P-5.3: improvement actions, what the organisation does so a root cause stops recurring: a title,
 * an owner (a team account), a due date, a status, the root causes it addresses and the lessons
 * learned. They are kept in the synced settings (area `improvementActions`, merged record by
 * record, so two managers' actions both survive), and listed, created and edited by managers and
 * administrators. An action's completion day is when the recurrence report (reports/recurrence)
 * splits "before" from "after".
 */
import { z } from 'zod';
import { day, id, issue, requiredText, text } from './fields';
import type { StaffRef } from './records';

export const IMPROVEMENT_STATUSES = ['planned', 'in-progress', 'completed', 'cancelled'] as const;
export type ImprovementStatus = (typeof IMPROVEMENT_STATUSES)[number];

/** Statuses still to be done: they appear for their owner when due or overdue. */
export const OPEN_IMPROVEMENT_STATUSES: readonly ImprovementStatus[] = ['planned', 'in-progress'];

const actionFields = {
  title: requiredText(200),
  ownerId: id,
  dueOn: day,
  status: z.enum(IMPROVEMENT_STATUSES),
  /** The day it was completed: required when completed, and only then. */
  completedOn: day.nullable().default(null),
  rootCauseIds: z.array(id).min(1, 'Choose at least one root cause').max(20),
  lessonsLearned: text(10_000).default(''),
};

/** Creates an action (no id) or replaces one (its id); the main process checks owner and causes. */
export const saveImprovementActionInput = z
  .object({ id: id.optional(), ...actionFields })
  .strict()
  .superRefine((value, context) => {
    if (value.status === 'completed' && value.completedOn === null)
      issue(context, 'completedOn', 'completed_on_needed', 'A completed action needs the day it was completed');
    if (value.status !== 'completed' && value.completedOn !== null)
      issue(context, 'completedOn', 'completed_on_not_completed', 'Only a completed action has a completion day');
    if (new Set(value.rootCauseIds).size !== value.rootCauseIds.length) issue(context, 'rootCauseIds', 'root_cause_repeated', 'A root cause is named twice');
  });

export type SaveImprovementActionInput = z.output<typeof saveImprovementActionInput>;

export interface ImprovementAction {
  readonly id: string;
  readonly title: string;
  readonly ownerId: string;
  /** The owner's name when the action was saved (the account may be renamed or deactivated later). */
  readonly ownerName: string;
  readonly dueOn: string;
  readonly status: ImprovementStatus;
  readonly completedOn: string | null;
  readonly rootCauseIds: readonly string[];
  readonly lessonsLearned: string;
  readonly createdAt: string;
  readonly createdBy: StaffRef;
  readonly updatedAt: string;
  readonly updatedBy: StaffRef;
}

/** How an open action stands for its owner today (the office's day). */
export type ImprovementDue = 'overdue' | 'due-soon' | 'later';

/** Days before its due day that an action counts as due soon. */
export const IMPROVEMENT_DUE_SOON_DAYS = 7;

const DAY_MS = 86_400_000;

/** How an open action stands on `today` (both 'YYYY-MM-DD', the office's day); null when it is done or cancelled. */
export function improvementDue(action: Pick<ImprovementAction, 'status' | 'dueOn'>, today: string): ImprovementDue | null {
  if (!OPEN_IMPROVEMENT_STATUSES.includes(action.status)) return null;
  if (action.dueOn < today) return 'overdue';
  const daysLeft = (Date.parse(action.dueOn) - Date.parse(today)) / DAY_MS;
  return daysLeft <= IMPROVEMENT_DUE_SOON_DAYS ? 'due-soon' : 'later';
}

export interface OwnedImprovementAction {
  readonly action: ImprovementAction;
  readonly due: ImprovementDue;
}
