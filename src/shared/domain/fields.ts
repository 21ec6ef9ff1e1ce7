/**
 * The field validators every input schema is built from (one home, issue 12): ids, short and long
 * text, days and instants. Their issues carry codes the renderer translates (api/issue-mapping.ts
 * reads zod's own codes; rules of our own say theirs with `coded`).
 */
import { z } from 'zod';
import { plausibleDay, plausibleInstant } from './dates';
import type { IssueCode } from './issue-codes';

export const id = z.string().trim().min(1, 'Required').max(64);
export const instant = plausibleInstant('Must be a date and time');
export const day = plausibleDay('Must be a date (YYYY-MM-DD)');
export const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);
export const requiredText = (max: number) => text(max).min(1, 'Required');

/** A rule of our own on a value, with its issue code (and the English message for the log). */
export function coded<T>(check: (value: T) => boolean, code: IssueCode, message: string) {
  return [check, { message, params: { code } }] as const;
}

/** A text that must match a pattern: `.refine(...pattern(/…/, 'code', 'message'))`. */
export function pattern(expression: RegExp, code: IssueCode, message: string) {
  return coded((value: string) => expression.test(value), code, message);
}

/** An e-mail address, or nothing: one rule for complainants and letter senders (issue 18). */
export const emailAddress = z.union([z.literal(''), z.email('Not a valid e-mail address').max(254)]).default('');

/** A telephone number as people write it, or nothing: digits, spaces and + ( ) - . / (issue 18). */
export const phoneNumber = text(40)
  .refine(...pattern(/^[+\d\s()./-]*$/, 'phone_characters', 'Only digits, spaces and + ( ) - . /'))
  .default('');

/** An issue of our own on a field, from inside a superRefine. */
export function issue(context: z.RefinementCtx, path: string, code: IssueCode, message: string): void {
  context.addIssue({ code: 'custom', path: [path], message, params: { code } });
}
