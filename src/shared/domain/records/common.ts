/**
 * The pieces every stored record is built of (issue 12 §2: each record's shape is written once,
 * in zod, in this folder; its TypeScript type is `z.infer`, and its RxDB schema is derived from it
 * by main/database/stored-schema.ts).
 */
import { z } from 'zod';

/** Far future for "no running deadline" (the same value as the case collection's NO_DEADLINE). */
export const NO_DEADLINE = 4_102_444_800_000;

export const id = z.string().min(1).max(64);
export const instant = z.iso.datetime({ offset: true });
export const day = z.iso.date();
export const staffRef = z.object({ id: z.string().min(1).max(64), name: z.string().max(200) });
export const strings = z.array(z.string());

/** A record's type as the app handles it: `z.infer` of its schema, read-only all the way down. */
export type Immutable<T> = T extends (...args: never[]) => unknown ? T : T extends object ? { readonly [K in keyof T]: Immutable<T[K]> } : T;
