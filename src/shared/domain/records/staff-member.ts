/** A staff account of the team directory, as stored and replicated (domain/collections.ts). */
import { z } from 'zod';
import { STAFF_ROLES } from '../vocabulary';
import { id, instant, type Immutable } from './common';

/**
 * A password verifier (never the password): scrypt from node:crypto with its parameters, so a
 * later version can raise the cost and still check older verifiers. Kept on the staff account so
 * every device can check a sign-in offline; never sent to the renderer, the log or an API answer.
 * N is the CPU/memory cost (a power of two), r the block size, p the parallelism; the salt is
 * random per account and per password change, base64.
 *
 * Its parameters are bounded: a forged account with an enormous cost would
 * otherwise make every device spend minutes and gigabytes on one sign-in.
 */
export const passwordVerifierSchema = z
  .object({
    algorithm: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(16_384)
      .max(1_048_576)
      .refine((value) => (value & (value - 1)) === 0, 'A power of two'),
    r: z.number().int().min(8).max(16),
    p: z.number().int().min(1).max(4),
    keyLength: z.number().int().min(32).max(64),
    salt: z.base64().min(22).max(100),
    hash: z.base64().min(43).max(100),
    setAt: instant,
  })
  .strict();

/** Staff accounts: exactly this shape; roles only from STAFF_ROLES (a made-up role is refused). */
export const staffMemberSchema = z
  .object({
    id,
    name: z.string().min(1).max(200),
    email: z.string().max(320),
    /** What the person signs in with; '' for a profile from before accounts (it cannot sign in). */
    login: z.union([z.literal(''), z.string().regex(/^[a-z0-9][a-z0-9._@-]{0,63}$/)]),
    /** A person may hold several roles. */
    roles: z
      .array(z.enum(STAFF_ROLES))
      .max(STAFF_ROLES.length)
      .refine((roles) => new Set(roles).size === roles.length, 'Roles repeat'),
    /** The departments the person works for. */
    departments: z.array(z.string().min(1).max(100)).max(100),
    /** Deactivated accounts cannot sign in (on any device, once synced) and stay in the history. */
    active: z.boolean(),
    createdAt: instant,
    /** Null until a password is set. */
    password: passwordVerifierSchema.nullable(),
  })
  .strict();

export type PasswordVerifier = Immutable<z.infer<typeof passwordVerifierSchema>>;
/** A staff account of the team directory (replicated to every device of the team). */
export type StaffMember = Immutable<z.infer<typeof staffMemberSchema>>;
