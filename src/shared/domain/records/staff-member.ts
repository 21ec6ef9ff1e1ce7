/** A staff account of the team directory, as stored and replicated (domain/collections.ts). */
import { z } from 'zod';
import { STAFF_ROLES } from '../vocabulary';
import { id, instant } from './common';

/**
 * A password verifier's parameters are bounded: a forged account with an enormous cost would
 * otherwise make every device spend minutes and gigabytes on one sign-in.
 */
export const passwordVerifierSchema = z
  .object({
    algorithm: z.literal('scrypt'),
    N: z.number().int().min(16_384).max(1_048_576).refine((value) => (value & (value - 1)) === 0, 'A power of two'),
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
    login: z.union([z.literal(''), z.string().regex(/^[a-z0-9][a-z0-9._@-]{0,63}$/)]),
    roles: z.array(z.enum(STAFF_ROLES)).max(STAFF_ROLES.length).refine((roles) => new Set(roles).size === roles.length, 'Roles repeat'),
    departments: z.array(z.string().min(1).max(100)).max(100),
    active: z.boolean(),
    createdAt: instant,
    password: passwordVerifierSchema.nullable(),
  })
  .strict();
