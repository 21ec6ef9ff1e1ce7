/** The registers' keys (issue 18's `registerLog` shortcut): Ctrl/⌘+Enter logs, other keys do not. */
import type { KeyboardEvent } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { logOnShortcut } from './register-form-keys';

function key(init: { key: string; ctrlKey?: boolean; metaKey?: boolean }) {
  const preventDefault = vi.fn();
  const event = { ctrlKey: false, metaKey: false, ...init, preventDefault } as unknown as KeyboardEvent<HTMLFormElement>;
  return { event, preventDefault };
}

describe('the registers’ form keys', () => {
  it.each([{ ctrlKey: true }, { metaKey: true }])('Enter with %o logs the entry, and nothing else sees the key', (modifier) => {
    const log = vi.fn();
    const { event, preventDefault } = key({ key: 'Enter', ...modifier });
    expect(logOnShortcut(event, log)).toBe(true);
    expect(log).toHaveBeenCalledTimes(1);
    expect(preventDefault).toHaveBeenCalledTimes(1);
  });

  it.each(['Enter', 'Escape', 'a'])('%s alone (a new line in a textarea, clearing, typing) does not log', (name) => {
    const log = vi.fn();
    const { event, preventDefault } = key({ key: name });
    expect(logOnShortcut(event, log)).toBe(false);
    expect(log).not.toHaveBeenCalled();
    expect(preventDefault).not.toHaveBeenCalled();
  });
});
