/** React hooks over the API client: cached queries (queries.ts) and event subscriptions. */
import { useEffect, useEffectEvent } from 'react';
import type { ApiEventPayload } from '@shared/api/contract';
import type { ApiEventName } from '@shared/api/names';
import { subscribe } from './client';

export { useApiQuery } from './queries';

export function useApiEvent<E extends ApiEventName>(channel: E, listener: (payload: ApiEventPayload<E>) => void): void {
  const onEvent = useEffectEvent(listener);
  useEffect(() => subscribe(channel, (payload) => onEvent(payload)), [channel]);
}
