/** Keyboard helpers for shortcuts: what a key press types, and whether the person is typing in a field. */

/** The character a key press types, or null for a shortcut, a modifier or a named key (Enter, Tab, arrows). */
export function typedCharacter(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'isComposing'>): string | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return null;
  return [...event.key].length === 1 ? event.key : null;
}

/** Whether keys pressed at `target` are typing (a text field, a select, an editable region), not shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  return target.getAttribute('role') === 'textbox' || target.getAttribute('role') === 'combobox';
}
