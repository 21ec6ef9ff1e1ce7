/** The domain's errors, as the API's typed envelopes. */
import { ApiError } from '../../shared/api/errors';

export function fieldError(path: string, message: string, code = 'invalid'): ApiError {
  return new ApiError('VALIDATION_FAILED', message, [{ path, message, code }]);
}

export function notFound(what: string, id: string, path = 'caseId'): ApiError {
  return new ApiError('NOT_FOUND', `${what} ${id} does not exist.`, [{ path, message: `No ${what.toLowerCase()} with this id`, code: 'not_found' }]);
}

export function invalidTransition(message: string): ApiError {
  return new ApiError('INVALID_TRANSITION', message, [{ path: 'action.type', message, code: 'invalid_transition' }]);
}

export function unavailable(message: string): ApiError {
  return new ApiError('UNAVAILABLE', message);
}
