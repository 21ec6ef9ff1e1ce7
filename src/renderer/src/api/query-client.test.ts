/** The query cache's settings that matter for a desktop app: it works offline and does not retry the main process. */
import { onlineManager, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@shared/api/errors';
import { createQueryClient } from './query-client';

afterEach(() => onlineManager.setOnline(true));

describe('the query cache', () => {
  it('asks the main process even when the computer has no network (Plaint works offline)', async () => {
    onlineManager.setOnline(false);
    const client = createQueryClient();
    const observer = new QueryObserver(client, { queryKey: ['cases.list', {}], queryFn: () => Promise.resolve('answered') });
    const stop = observer.subscribe(() => undefined);
    await vi.waitFor(() => expect(observer.getCurrentResult().data).toBe('answered'));
    stop();
  });

  it('shows a refusal at once instead of asking again', async () => {
    const client = createQueryClient();
    const queryFn = vi.fn(() => Promise.reject(new ApiError('NOT_FOUND', 'Case x does not exist.')));
    const observer = new QueryObserver(client, { queryKey: ['cases.get', { caseId: 'x' }], queryFn });
    const stop = observer.subscribe(() => undefined);
    await vi.waitFor(() => expect(observer.getCurrentResult().error?.code).toBe('NOT_FOUND'));
    expect(queryFn).toHaveBeenCalledTimes(1);
    stop();
  });
});
