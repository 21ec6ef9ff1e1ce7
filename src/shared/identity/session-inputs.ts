/** Input schemas and answers of the session API (sign-in, lock, first start) and of staff accounts. */
import { z } from 'zod';
import { organisationSchema } from '../domain/settings-inputs';
import { syncSettingsInput } from '../domain/sync';
import { pattern, requiredText } from '../domain/fields';
import { STAFF_ROLES } from '../domain/vocabulary';
import type { Viewer } from './viewer';

/** Passwords: at least 10 characters (a passphrase is better), at most 200. */
export const MIN_PASSWORD_LENGTH = 10;
const password = z.string().max(200, 'At most 200 characters');
const newPassword = password.min(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters`);

export const loginField = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Required')
  .max(64)
  .refine(...pattern(/^[a-z0-9][a-z0-9._@-]{0,63}$/, 'login_format', 'Letters, digits and . _ @ - only'));

export const signInInput = z.object({ login: z.string().trim().toLowerCase().min(1, 'Required').max(64), password: password.min(1, 'Required') }).strict();
export const unlockInput = z.object({ password: password.min(1, 'Required') }).strict();
export const changePasswordInput = z.object({ currentPassword: password.min(1, 'Required'), newPassword }).strict();
export const setPasswordInput = z.object({ staffId: requiredText(64), password: newPassword }).strict();

/** Set up a new team: the organisation, then the first administrator. */
export const setUpTeamInput = z
  .object({
    organisation: organisationSchema.partial().extend({ name: requiredText(200) }),
    administrator: z
      .object({
        name: requiredText(200),
        email: z.union([z.literal(''), z.email('Not a valid e-mail address')]).default(''),
        login: loginField,
        password: newPassword,
      })
      .strict(),
  })
  .strict();

/** Join a team: the sync server (the directory is pulled from it), then sign in. */
export const joinTeamInput = syncSettingsInput;

export const staffInput = z
  .object({
    id: z.string().max(64).optional(),
    name: requiredText(200),
    email: z.union([z.literal(''), z.email('Not a valid e-mail address')]).default(''),
    login: loginField,
    roles: z
      .array(z.enum(STAFF_ROLES))
      .max(STAFF_ROLES.length)
      .default([])
      .transform((roles) => [...new Set(roles)]),
    departments: z.array(requiredText(100)).max(100).default([]),
    active: z.boolean().default(true),
    /** Only for a new account: its first password (an existing one's is reset with staff.setPassword). */
    password: newPassword.optional(),
  })
  .strict();

export type SessionStateName = 'setup-needed' | 'signed-out' | 'locked' | 'signed-in';

/** What the renderer may know of the session: who, never how they proved it. */
export interface SessionState {
  readonly state: SessionStateName;
  /** The signed-in (or locked) account; null when signed out. */
  readonly viewer: Viewer | null;
  /** Lock after this many minutes without activity (a team setting). */
  readonly idleLockMinutes: number;
  /** The organisation's name, for the sign-in screen. */
  readonly organisation: string;
  /** This device has joined a team's server but no account has arrived yet. */
  readonly awaitingDirectory: boolean;
}
