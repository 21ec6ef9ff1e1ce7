/**
 * Sync in the UI: a user turns sync on in Settings → Sync against a real CouchDB-compatible
 * server (pouchdb-server on loopback); the shell's badge shows "Up to date"; the server goes
 * away and the badge and panel say so (with the next retry); it comes back and work done
 * meanwhile reaches the server. Plain http:// to another computer is refused, and the panel warns
 * that this server (no administrator) needs no login (issue 13).
 *
 * "Up to date" is a promise that every local document is on the server at its local revision
 * (issue 11, issue 21). So the server is asked once, at the moment the badge first says it, not
 * polled until the case turns up: polling would hide a status that claims too early.
 */
import { startCouchServer, type CouchServer } from '../src/main/sync/local-server/pouchdb-server';
import { expect, test } from './support/fixtures';

let couch: CouchServer;
test.beforeEach(async () => {
  couch = await startCouchServer();
});
test.afterEach(async () => {
  await couch.close();
});

test('turn sync on, see the status through a server outage, and catch up', async ({ plaint }, testInfo) => {
  test.setTimeout(120_000);
  const { page } = plaint;
  await expect(page.getByTestId('status-sync')).toHaveAttribute('data-state', 'off');
  await page.getByTestId('status-sync').click();
  await expect(page.getByTestId('sync-settings')).toBeVisible();

  // Bad input is refused at the field and nothing changes.
  await page.getByTestId('sync-server-url').fill('ftp://example.org');
  await page.getByTestId('sync-database').fill('Team Data');
  await page.getByTestId('sync-save').click();
  await expect(page.getByText('Enter the server address as https://host')).toBeVisible();
  await expect(page.getByText('Lower-case letters, digits')).toBeVisible();
  await expect(page.getByTestId('status-sync')).toHaveAttribute('data-state', 'off');
  // Plain http:// only to this computer (issue 13).
  await page.getByTestId('sync-server-url').fill('http://couch.example.org:5984');
  await page.getByTestId('sync-save').click();
  await expect(page.getByText('plain http:// is allowed only to this computer')).toBeVisible();

  await page.getByTestId('sync-server-url').fill(couch.url);
  await page.getByTestId('sync-database').fill('team');
  await page.getByTestId('sync-enabled').check();
  await page.getByTestId('sync-save').click();
  await expect(page.getByTestId('status-sync')).toHaveAttribute('data-state', 'up-to-date', { timeout: 30_000 });
  await expect(page.getByTestId('sync-last')).toContainText('Last in step with the server');
  // An administrator sees what sync refused from the server: nothing here.
  await expect(page.getByTestId('sync-quarantine-empty')).toBeVisible();
  // pouchdb-server starts with no administrator: the panel warns that anyone may do anything.
  await expect(page.getByTestId('sync-server-warning')).toHaveAttribute('data-warning', 'admin-party');
  await expect(page.getByTestId('sync-server-warning')).toContainText('The server has no administrator');
  await page.screenshot({ path: testInfo.outputPath('sync-up-to-date.png'), fullPage: true });

  // The server goes away: the badge says so, and work goes on locally.
  await couch.kill();
  await page.getByTestId('nav-new-case').click();
  await page.getByTestId('status-sync').click();
  await expect(page.getByTestId('status-sync')).toHaveAttribute('data-state', 'error', { timeout: 30_000 });
  await expect(page.getByTestId('status-sync')).toHaveText('Server unreachable');
  await expect(page.getByTestId('sync-problem')).toContainText('cannot be reached');
  await page.screenshot({ path: testInfo.outputPath('sync-unreachable.png'), fullPage: true });
  const created = await page.evaluate(async () => {
    const api = (window as unknown as { plaint: { invoke(method: string, input: unknown): Promise<{ ok: boolean; result: { caseId: string } }> } }).plaint;
    return api.invoke('cases.create', {
      complainant: { name: 'Offline Olga', email: 'olga@example.org', preferredChannel: 'email' },
      channel: 'email',
      receivedAt: new Date().toISOString(),
      type: 'service',
      summary: 'Logged while the server was down',
    });
  });
  expect(created.ok).toBe(true);

  // It comes back: "Sync now" retries at once and the case reaches the server.
  await couch.start();
  await expect(page.getByTestId('status-sync')).not.toHaveAttribute('data-state', 'up-to-date');
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('status-sync')).toHaveAttribute('data-state', 'up-to-date', { timeout: 60_000 });
  const onServer = await fetch(`${couch.url}/team_cases/${created.result.caseId}`);
  expect(onServer.status, 'the case created offline is on the server when the badge says "Up to date"').toBe(200);

  // A malformed case reaches the server from elsewhere: it is refused and listed for the administrator, and the list of cases still works.
  const good = (await onServer.json()) as Record<string, unknown>;
  const { _rev: _ignored, ...copy } = good;
  const injected = await fetch(`${couch.url}/team_cases/case-with-empty-clock`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...copy, _id: 'case-with-empty-clock', clock: {} }),
  });
  expect(injected.ok).toBe(true);
  await expect(page.getByTestId('sync-quarantine-entry')).toContainText('Breaks the record rules', { timeout: 30_000 });
  await expect(page.getByTestId('sync-quarantine-entry')).toContainText('clock.receivedAt: invalid_type');
  await expect(page.getByTestId('sync-quarantined')).toContainText('1 record from the server was refused');
  await page.screenshot({ path: testInfo.outputPath('sync-quarantine.png'), fullPage: true });
  await page.getByTestId('nav-cases').click();
  await expect(page.getByText('Offline Olga').first()).toBeVisible();
});
