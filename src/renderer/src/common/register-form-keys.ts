/**
 * The registers' forms (post room, incoming e-mail) log the entry on submit and on Ctrl+Enter or
 * ⌘+Enter from any field, textareas included (the `registerLog` shortcut in shell/shortcuts.ts).
 * One home, so both registers answer the same keys.
 */
import type { FormEvent, KeyboardEvent } from 'react';

export function registerFormKeys(log: () => void, otherKey?: (event: KeyboardEvent<HTMLFormElement>) => void) {
  return {
    onSubmit: (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      log();
    },
    onKeyDown: (event: KeyboardEvent<HTMLFormElement>) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        log();
      }
      otherKey?.(event);
    },
  };
}
