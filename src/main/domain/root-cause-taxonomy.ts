/**
 * P-5.3: editing the root-cause taxonomy (shared/domain/root-causes.ts), as pure functions from
 * the taxonomy and an administrator's input to the next taxonomy. A refusal names the field and
 * changes nothing. Nothing is ever deleted: retiring keeps a category or cause readable on the
 * cases that have it.
 */
import type { z } from 'zod';
import { fieldError } from '../../shared/domain/domain-error';
import { findRootCause, type RootCauseTaxonomy, type saveRootCauseCategoryInput, type saveRootCauseInput } from '../../shared/domain/root-causes';

type Label = { readonly 'en-GB': string; readonly lv: string };

/** A name may not repeat among its siblings, in either language (ignoring case and spacing). */
function refuseTakenLabel(siblings: readonly { readonly id: string; readonly label: Label }[], id: string | undefined, label: Label): void {
  const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
  for (const language of ['en-GB', 'lv'] as const) {
    if (siblings.some((sibling) => sibling.id !== id && same(sibling.label[language], label[language]))) {
      throw fieldError(`label.${language}`, `"${label[language]}" is already used here`, 'root_cause_label_taken');
    }
  }
}

export function withRootCauseCategory(taxonomy: RootCauseTaxonomy, input: z.output<typeof saveRootCauseCategoryInput>, newId: () => string): RootCauseTaxonomy {
  refuseTakenLabel(taxonomy, input.id, input.label);
  if (input.id === undefined) return [...taxonomy, { id: newId(), label: input.label, retired: input.retired, causes: [] }];
  if (!taxonomy.some((category) => category.id === input.id))
    throw fieldError('id', 'Not one of the root-cause categories in settings', 'unknown_root_cause_category');
  return taxonomy.map((category) => (category.id === input.id ? { ...category, label: input.label, retired: input.retired } : category));
}

export function withRootCause(taxonomy: RootCauseTaxonomy, input: z.output<typeof saveRootCauseInput>, newId: () => string): RootCauseTaxonomy {
  const category = taxonomy.find((candidate) => candidate.id === input.categoryId);
  if (!category) throw fieldError('categoryId', 'Not one of the root-cause categories in settings', 'unknown_root_cause_category');
  refuseTakenLabel(category.causes, input.id, input.label);
  let causes;
  if (input.id === undefined) {
    // A new cause goes under a category in use (a retired category takes no new causes).
    if (category.retired) throw fieldError('categoryId', 'This root-cause category is retired', 'retired_root_cause');
    causes = [...category.causes, { id: newId(), label: input.label, retired: input.retired }];
  } else {
    // A cause stays in its category (cases count it there); an id elsewhere is not this category's.
    if (!category.causes.some((cause) => cause.id === input.id)) throw fieldError('id', 'Not one of the root causes of this category', 'unknown_root_cause');
    causes = category.causes.map((cause) => (cause.id === input.id ? { ...cause, label: input.label, retired: input.retired } : cause));
  }
  return taxonomy.map((candidate) => (candidate === category ? { ...category, causes } : candidate));
}

/**
 * The cause a case may be given now: one of the taxonomy, in use (P-5.3). A retired cause is
 * accepted only when the case has it already (a stage-2 outcome that keeps it).
 */
export function refuseUnusableRootCause(taxonomy: RootCauseTaxonomy, path: string, causeId: string, keeping: string | null): void {
  const entry = findRootCause(taxonomy, causeId);
  if (!entry) throw fieldError(path, 'Not one of the root causes in settings', 'unknown_root_cause');
  if (!entry.selectable && causeId !== keeping) throw fieldError(path, 'This root cause is retired', 'retired_root_cause');
}
