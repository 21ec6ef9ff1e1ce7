import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlaintBridge } from '@shared/api/bridge';
import { renderWithProviders } from '../test-support/render';
import { ErrorBoundary } from './ErrorBoundary';

let explode = true;
function Fragile() {
  if (explode) throw new Error('Cannot read the case list');
  return <p>Case list</p>;
}

function Harness() {
  const [key] = useState('a');
  return (
    <ErrorBoundary resetKey={key}>
      <Fragile />
    </ErrorBoundary>
  );
}

afterEach(() => {
  delete window.plaint;
  vi.restoreAllMocks();
});

describe('uncaught render errors', () => {
  it('show a recoverable error screen, report through the API, and recover on retry', async () => {
    const invoke = vi.fn(async () => ({ ok: true as const, result: { logged: true as const } }));
    window.plaint = { invoke, subscribe: () => () => undefined } as unknown as PlaintBridge;
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    explode = true;

    renderWithProviders(<Harness />);

    expect(screen.getByTestId('error-screen').textContent).toContain('Something went wrong');
    expect(screen.getByText('Cannot read the case list')).toBeDefined();
    expect(invoke).toHaveBeenCalledWith('app.reportError', expect.objectContaining({ source: 'render', message: 'Cannot read the case list' }));

    explode = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Case list')).toBeDefined();
  });
});
