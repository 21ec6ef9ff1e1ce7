/** A device's claim on its reference code (P-3.2), as stored and replicated (sync/device-codes.ts). */
import { z } from 'zod';
import { id, instant, type Immutable } from './common';

export const deviceCodeClaimSchema = z.object({ id: z.string().min(1).max(16), deviceId: id, claimedAt: instant });
export type DeviceCodeClaim = Immutable<z.infer<typeof deviceCodeClaimSchema>>;
