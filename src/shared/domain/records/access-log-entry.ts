import { z } from 'zod';
import { ACCESS_ACTIONS } from '../access-log';
import { id, instant, type Immutable } from './common';

/** P-7.2: an access log entry as stored and replicated (domain/access-log). */
export const accessLogRecordSchema = z.object({
  id,
  at: instant,
  /** The viewer's account id and name at the time. */
  accountId: id,
  name: z.string().max(200),
  action: z.enum(ACCESS_ACTIONS),
  caseId: id,
  caseReference: z.string().min(1).max(20),
  /** What was opened or exported: a file's name, an export's name; '' for the case itself. */
  detail: z.string().max(300),
});
export type AccessLogEntry = Immutable<z.infer<typeof accessLogRecordSchema>>;
