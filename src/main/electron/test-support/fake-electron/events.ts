/** Electron's event objects: the parameters plus preventDefault and defaultPrevented. */
import type { Event } from 'electron';

export function preventableEvent<Params extends object>(params: Params): Event<Params> {
  let prevented = false;
  return Object.assign(
    {
      preventDefault: () => {
        prevented = true;
      },
      get defaultPrevented() {
        return prevented;
      },
    },
    params,
  );
}
