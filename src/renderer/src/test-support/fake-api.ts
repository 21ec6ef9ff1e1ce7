/**
 * A stand-in for `window.plaint` in renderer tests: the real bridge (so only contract names pass)
 * over canned answers, recording what the component sent (issue 12).
 */
import { createPlaintBridge } from '@shared/api/bridge';
import type { ApiResponse } from '@shared/api/errors';
import type { ApiMethodName } from '@shared/api/names';
import type { SettingsSnapshot } from '@shared/api/types/settings';

/** One call the component made. */
export interface ApiCall {
  readonly method: ApiMethodName;
  readonly input: unknown;
}

type Answer = (input: unknown) => ApiResponse<unknown>;

const notInThisTest: ApiResponse<unknown> = { ok: false, error: { code: 'INTERNAL', message: 'not in this test', issues: [] } };

/**
 * `settings.get` is answered with `settings` and not recorded; every other call is recorded in
 * `sent` and answered by `answers`, or fails INTERNAL when the test did not expect it.
 */
export function withApi(settings: SettingsSnapshot, answers: Partial<Record<ApiMethodName, Answer>>, sent: ApiCall[] = []): void {
  window.plaint = createPlaintBridge({
    request: (method, input) => {
      if (method === 'settings.get') return Promise.resolve({ ok: true, result: settings });
      sent.push({ method, input });
      const answer = answers[method];
      return Promise.resolve(answer ? answer(input) : notInThisTest);
    },
    listen: () => () => undefined,
  });
}

/** Every call is recorded in the returned list and succeeds with `results[method]`. */
export function answerEvery(results: Partial<Record<ApiMethodName, unknown>>): ApiCall[] {
  const calls: ApiCall[] = [];
  window.plaint = createPlaintBridge({
    request: (method, input) => {
      calls.push({ method, input });
      return Promise.resolve({ ok: true, result: results[method] });
    },
    listen: () => () => undefined,
  });
  return calls;
}
