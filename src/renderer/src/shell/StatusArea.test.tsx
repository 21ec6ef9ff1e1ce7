/**
 * The status area shows problems only (issue 18): a working database is not news, so "Database
 * ready" is never shown; an error or a locked database is.
 */
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlaintBridge } from '@shared/api/bridge';
import type { DatabaseStatus } from '@shared/api/types/app';
import { renderWithProviders } from '../test-support/render';
import { StatusArea } from './StatusArea';

// The sync badge has its own tests and needs the settings; here only the database's part counts.
vi.mock('../features/sync/SyncBadge', () => ({ SyncBadge: () => null }));

afterEach(() => {
  delete window.plaint;
});

function withDatabase(database: DatabaseStatus): void {
  const info = { name: 'Plaint', version: '0.1.0', dataDirectory: '/d', logFile: '/d/log', host: 'harness', startedAt: '2026-12-07T09:00:00.000Z', database };
  window.plaint = {
    invoke: (method: string) =>
      Promise.resolve(
        method === 'app.info' ? { ok: true, result: info } : { ok: false, error: { code: 'UNAVAILABLE', message: 'not in this test', issues: [] } },
      ),
    subscribe: () => () => undefined,
  } as unknown as PlaintBridge;
}

describe('the status area', () => {
  it('shows no database badge when the database works', async () => {
    withDatabase({ state: 'ready', file: '/d/plaint.sqlite', message: null });
    renderWithProviders(<StatusArea />);
    expect(await screen.findByTestId('status-area')).toHaveProperty('dataset.database', 'ready');
    expect(screen.queryByTestId('status-database')).toBeNull();
    expect(screen.queryByText('Database ready')).toBeNull();
    expect(screen.queryByTestId('status-upgrade-failed')).toBeNull();
  });

  it('shows that an upgrade at start failed and the database opened as it was (P-7.2), in Latvian too', async () => {
    const database: DatabaseStatus = {
      state: 'ready',
      file: '/d/plaint.sqlite',
      message: null,
      upgrade: { kind: 'cipher', step: 'copied', copied: null, outcome: 'failed' },
    };
    withDatabase(database);
    const english = renderWithProviders(<StatusArea />);
    expect((await screen.findByTestId('status-upgrade-failed')).textContent).toBe('Database not upgraded');
    english.unmount();
    withDatabase(database);
    renderWithProviders(<StatusArea />, undefined, 'lv');
    expect((await screen.findByTestId('status-upgrade-failed')).textContent).toBe('Datubāze nav atjaunināta');
  });

  it('shows a database problem', async () => {
    withDatabase({ state: 'error', file: '/d/plaint.sqlite', message: 'The disk is full' });
    renderWithProviders(<StatusArea />);
    expect((await screen.findByTestId('status-database')).textContent).toBe('Database error');
  });
});
