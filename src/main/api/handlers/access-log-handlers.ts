/** `accessLog.*`: reading the access log (P-7.2). Writing it happens where cases are read. */
import type { AccessLog } from '../../domain/access-log/access-log';
import type { ApiHandlers } from '../dispatcher';

type Methods = Extract<keyof ApiHandlers, `accessLog.${string}`>;

export function accessLogHandlers(log: () => AccessLog): Pick<ApiHandlers, Methods> {
  return {
    'accessLog.query': (input, context) => log().query(input, context.viewer),
    'accessLog.forCase': (input, context) => log().forCase(input.caseId, context.viewer),
  };
}
