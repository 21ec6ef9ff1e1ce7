import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import { API_METHODS } from '../../shared/api/names';
import { createMemoryLogger } from '../logging/logger';
import { createDispatcher, type ApiHandlers } from './dispatcher';

function setup(overrides: Partial<ApiHandlers> = {}) {
  const calls: string[] = [];
  const logger = createMemoryLogger();
  const unimplemented = Object.fromEntries(API_METHODS.map((method) => [method, () => Promise.reject(new Error(`${method} is not part of this test`))]));
  const handlers = {
    ...unimplemented,
    'app.info': () => {
      calls.push('info');
      return {
        name: 'Plaint',
        version: '1.0.0',
        dataDirectory: '/d',
        logFile: '/d/l',
        host: 'harness',
        database: { state: 'ready', file: null, message: null },
        startedAt: '2026-01-01T00:00:00.000Z',
      };
    },
    'app.ping': (input) => {
      calls.push(`ping:${input.message ?? ''}`);
      return { pong: true, message: input.message ?? null, receivedAt: '2026-01-01T00:00:00.000Z' };
    },
    'app.reportError': () => {
      calls.push('report');
      return { logged: true };
    },
    ...overrides,
  } as ApiHandlers;
  return { dispatch: createDispatcher(handlers, logger, { viewer: () => null }), calls, logger };
}

const context = { host: 'test' } as const;

describe('API dispatcher: every input gets an answer, bad input changes nothing', () => {
  it('answers a valid call with the handler result', async () => {
    const { dispatch } = setup();
    expect(await dispatch('app.ping', { message: 'hi' }, context)).toMatchObject({ ok: true, result: { pong: true, message: 'hi' } });
  });

  it.each([['cases.delete'], [''], [42], [null], [undefined], [{}], ['__proto__'], ['constructor'], ['toString']])(
    'rejects the unknown method %j with UNKNOWN_METHOD and calls nothing',
    async (method) => {
      const { dispatch, calls } = setup();
      const response = await dispatch(method, {}, context);
      expect(response).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      expect(calls).toEqual([]);
    },
  );

  it('rejects a field of the wrong type with a field-level VALIDATION_FAILED', async () => {
    const { dispatch, calls } = setup();
    const response = await dispatch('app.ping', { message: 42 }, context);
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error.code).toBe('VALIDATION_FAILED');
    expect(response.error.issues).toEqual([expect.objectContaining({ path: 'message', code: 'invalid_type' })]);
    expect(response.error.message).toContain("'message'");
    expect(calls).toEqual([]);
  });

  it.each([
    ['a string', 'hello'],
    ['an array', [1, 2]],
    ['null', null],
    ['a number', 7],
    ['unknown keys', { message: 'x', extra: true }],
  ])('rejects input of the wrong shape (%s) and calls nothing', async (_label, input) => {
    const { dispatch, calls } = setup();
    const response = await dispatch('app.ping', input, context);
    expect(response).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(calls).toEqual([]);
  });

  it('rejects an over-long value', async () => {
    const { dispatch } = setup();
    const response = await dispatch('app.ping', { message: 'x'.repeat(1001) }, context);
    expect(response).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', issues: [{ path: 'message', code: 'too_long', params: { maximum: 1000 } }] },
    });
  });

  it('passes a domain ApiError through as its envelope', async () => {
    const { dispatch } = setup({
      'app.info': () => {
        throw new ApiError('NOT_FOUND', 'No such case', [{ path: 'id', message: 'unknown', code: 'not_found' }]);
      },
    });
    expect(await dispatch('app.info', {}, context)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No such case', issues: [{ path: 'id', message: 'unknown', code: 'not_found' }] },
    });
  });

  it('turns an unexpected exception into INTERNAL, logs it, and keeps serving', async () => {
    const { dispatch, logger } = setup({
      'app.info': () => {
        throw new TypeError('boom: secret detail');
      },
    });
    const response = await dispatch('app.info', {}, context);
    expect(response).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!response.ok) expect(response.error.message).not.toContain('secret detail');
    expect(logger.entries.some((entry) => entry.level === 'error' && JSON.stringify(entry.details).includes('secret detail'))).toBe(true);
    expect(await dispatch('app.ping', {}, context)).toMatchObject({ ok: true });
  });

  it('treats a missing input as an empty object', async () => {
    const { dispatch } = setup();
    expect(await dispatch('app.info', undefined, context)).toMatchObject({ ok: true });
  });
});
