/** The registers' keys (issue 18's `registerLog` shortcut): submit and Ctrl/⌘+Enter log, other keys pass on. */
import type { FormEvent, KeyboardEvent } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { registerFormKeys } from './register-form-keys';

function key(init: { key: string; ctrlKey?: boolean; metaKey?: boolean }) {
  const preventDefault = vi.fn();
  const event = { ctrlKey: false, metaKey: false, ...init, preventDefault } as unknown as KeyboardEvent<HTMLFormElement>;
  return { event, preventDefault };
}

describe('the registers’ form keys', () => {
  it('a submit logs the entry instead of reloading the page', () => {
    const log = vi.fn();
    const preventDefault = vi.fn();
    registerFormKeys(log).onSubmit({ preventDefault } as unknown as FormEvent<HTMLFormElement>);
    expect(preventDefault).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledTimes(1);
  });

  it.each([{ ctrlKey: true }, { metaKey: true }])('Enter with %o logs the entry', (modifier) => {
    const log = vi.fn();
    const { event, preventDefault } = key({ key: 'Enter', ...modifier });
    registerFormKeys(log).onKeyDown(event);
    expect(log).toHaveBeenCalledTimes(1);
    expect(preventDefault).toHaveBeenCalledTimes(1);
  });

  it('Enter alone (a new line in a textarea) and other keys do not log; every key reaches the form’s own handler', () => {
    const log = vi.fn();
    const other = vi.fn<(event: KeyboardEvent<HTMLFormElement>) => void>();
    const keys = registerFormKeys(log, other);
    for (const name of ['Enter', 'Escape', 'a']) keys.onKeyDown(key({ key: name }).event);
    expect(log).not.toHaveBeenCalled();
    expect(other.mock.calls.map(([event]) => event.key)).toEqual(['Enter', 'Escape', 'a']);
  });
});
