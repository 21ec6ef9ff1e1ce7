/**
 * P-5.3: the root-cause taxonomy, two levels (category → cause), kept by administrators in the
 * synced settings (area `rootCauses`, a list of categories merged record by record). Retired
 * categories and causes stay in the list, so old cases still read their cause; they cannot be
 * chosen for a new resolution. A cause can be chosen only while it and its category are in use.
 */
import { z } from 'zod';
import { id, requiredText } from './fields';

export const rootCauseLabel = z.object({ 'en-GB': requiredText(100), lv: requiredText(100) }).strict();

export const rootCauseSchema = z.object({ id, label: rootCauseLabel, retired: z.boolean() }).strict();

export const rootCauseCategorySchema = z.object({ id, label: rootCauseLabel, retired: z.boolean(), causes: z.array(rootCauseSchema).max(100) }).strict();

export type RootCause = z.output<typeof rootCauseSchema>;
export type RootCauseCategory = z.output<typeof rootCauseCategorySchema>;
export type RootCauseTaxonomy = readonly RootCauseCategory[];

/** The stored taxonomy: ids unique across categories and causes. */
export const rootCauseTaxonomySchema = z
  .array(rootCauseCategorySchema)
  .max(50)
  .refine((categories) => {
    const ids = categories.flatMap((category) => [category.id, ...category.causes.map((cause) => cause.id)]);
    return new Set(ids).size === ids.length;
  }, 'Root-cause ids repeat');

/** Adds a category (no id) or renames or retires one (its id). */
export const saveRootCauseCategoryInput = z.object({ id: id.optional(), label: rootCauseLabel, retired: z.boolean().default(false) }).strict();

/** Adds a cause to a category (no id) or renames or retires one (its id). */
export const saveRootCauseInput = z.object({ categoryId: id, id: id.optional(), label: rootCauseLabel, retired: z.boolean().default(false) }).strict();

/** A cause with its category, as a case shows it (retired ones included). */
export interface RootCauseEntry {
  readonly category: RootCauseCategory;
  readonly cause: RootCause;
  /** It and its category are in use: it may be chosen for a new resolution. */
  readonly selectable: boolean;
}

export function findRootCause(taxonomy: RootCauseTaxonomy, causeId: string): RootCauseEntry | null {
  for (const category of taxonomy) {
    const cause = category.causes.find((candidate) => candidate.id === causeId);
    if (cause) return { category, cause, selectable: !category.retired && !cause.retired };
  }
  return null;
}

/** Every cause, in taxonomy order. */
export function allRootCauses(taxonomy: RootCauseTaxonomy): RootCauseEntry[] {
  return taxonomy.flatMap((category) => category.causes.map((cause) => ({ category, cause, selectable: !category.retired && !cause.retired })));
}

const label = (en: string, lv: string) => ({ 'en-GB': en, lv });

/** A starting taxonomy an administrator adapts (stable ids, so every device starts the same). */
export const DEFAULT_ROOT_CAUSES: RootCauseTaxonomy = [
  {
    id: 'delivery',
    label: label('Delivery', 'Piegāde'),
    retired: false,
    causes: [
      { id: 'courier-handling', label: label('Courier handling', 'Kurjera rīcība'), retired: false },
      { id: 'late-dispatch', label: label('Late dispatch', 'Novēlota nosūtīšana'), retired: false },
      { id: 'wrong-address', label: label('Wrong address', 'Nepareiza adrese'), retired: false },
    ],
  },
  {
    id: 'product',
    label: label('Product', 'Produkts'),
    retired: false,
    causes: [
      { id: 'faulty-batch', label: label('Faulty batch', 'Bojāta partija'), retired: false },
      { id: 'wrong-item', label: label('Wrong item picked', 'Izsniegta nepareiza prece'), retired: false },
    ],
  },
  {
    id: 'communication',
    label: label('Communication', 'Saziņa'),
    retired: false,
    causes: [
      { id: 'unclear-information', label: label('Unclear information', 'Neskaidra informācija'), retired: false },
      { id: 'no-reply', label: label('No reply given', 'Atbilde netika sniegta'), retired: false },
    ],
  },
  {
    id: 'billing',
    label: label('Billing', 'Norēķini'),
    retired: false,
    causes: [
      { id: 'pricing-error', label: label('Pricing error', 'Cenas kļūda'), retired: false },
      { id: 'payment-processing', label: label('Payment processing', 'Maksājuma apstrāde'), retired: false },
    ],
  },
  {
    id: 'process',
    label: label('Process and people', 'Process un cilvēki'),
    retired: false,
    causes: [
      { id: 'staff-error', label: label('Staff error', 'Darbinieka kļūda'), retired: false },
      { id: 'policy-gap', label: label('Gap in policy', 'Nepilnība kārtībā'), retired: false },
    ],
  },
];
