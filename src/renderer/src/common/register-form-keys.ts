/**
 * The registers' forms (post room, incoming e-mail) log the entry on Ctrl+Enter or ⌘+Enter from
 * any field, textareas included (the `registerLog` shortcut in shell/shortcuts.ts). One home, so
 * both registers answer the same keys. Called from the form's key handler, not during render.
 */
import type { KeyboardEvent } from 'react';

/** Logs the entry when `event` is the register's shortcut; says whether it was. */
export function logOnShortcut(event: KeyboardEvent<HTMLFormElement>, log: () => void): boolean {
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return false;
  event.preventDefault();
  log();
  return true;
}
