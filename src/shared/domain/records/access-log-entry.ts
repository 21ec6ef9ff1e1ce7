import { z } from 'zod';
import { ACCESS_ACTIONS } from '../access-log';
import { id, instant } from './common';

/** P-7.2: an access log entry as stored and replicated (domain/access-log). */
export const accessLogRecordSchema = z.object({
  id,
  at: instant,
  accountId: id,
  name: z.string().max(200),
  action: z.enum(ACCESS_ACTIONS),
  caseId: id,
  caseReference: z.string().min(1).max(20),
  detail: z.string().max(300),
});
