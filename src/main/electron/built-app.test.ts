/**
 * The Electron shell, proven without Electron. The built main process (out/main/index.js) runs
 * in its own Node process with `electron` resolved to a fake typed against electron.d.ts
 * (test-support/fake-electron), and these tests check what it asked Electron to do and how it
 * answers what Electron would send it. One app process tells one story, in order: start,
 * window, renderer, IPC, hardening, notifications, tray, sleep, sync password, a second
 * instance, quit. Every wait is for a recorded call, never for time.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC_EVENT_CHANNEL } from '../../shared/api/bridge';
import { DEFAULT_SLA_POLICY } from '../../shared/sla';
import { CSP_HEADER } from '../security/content-security-policy';
import { DatabaseKeyring } from '../protection/database-keyring';
import { applyKey } from '../storage/database-cipher';
import { keyFilePath } from '../protection/key-file';
import type { KeyProtector } from '../protection/key-protector';
import { APP_ENTRY_URL } from '../security/origins';
import { BUILT_MAIN, BuiltAppProcess } from './test-support/built-app-process';
import { assertFreshBuild } from '../test-support/built-output';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const HOUR = 60 * 60 * 1000;
/** Only a guard against a hang: starting an app process takes seconds, more on a loaded machine. */
const STARTS_PROCESSES = 180_000;

/** A fixed-offset zone where it is now between 12:00 and 13:00, so "due today" cannot roll over to tomorrow mid-test. */
function zoneWhereItIsMidday(now: Date): string {
  const hoursEast = 12 - now.getUTCHours();
  // IANA's Etc/GMT zones count the other way round: Etc/GMT-3 is three hours east of UTC.
  return hoursEast === 0 ? 'Etc/GMT' : `Etc/GMT${hoursEast > 0 ? '-' : '+'}${Math.abs(hoursEast)}`;
}

/** A complaint received at a given time, assigned to the person using the device (who is told of its deadlines). */
function complaint(name: string, receivedAt: Date, assigneeId: string) {
  return {
    complainant: { name, email: `${name.split(' ')[0]?.toLowerCase() ?? 'someone'}@example.org` },
    channel: 'email' as const,
    receivedAt: receivedAt.toISOString(),
    type: 'service',
    summary: `Complaint from ${name}`,
    assigneeId,
  };
}

/** A CouchDB stand-in on loopback that refuses every login and remembers how each was tried. */
function refusingCouch(): Promise<{ url: string; nextAuthorization(): Promise<string>; close(): Promise<void> }> {
  const waiting: ((authorization: string) => void)[] = [];
  const server = http.createServer((request, response) => {
    for (const resolve of waiting.splice(0)) resolve(request.headers.authorization ?? '');
    response.writeHead(401, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: 'unauthorized', reason: 'Name or password is incorrect.' }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        nextAuthorization: () => new Promise((next) => waiting.push(next)),
        close: () => new Promise((closed) => server.close(() => closed())),
      }),
    ),
  );
}

describe('the built main process, started on a fake Electron', () => {
  let root: string;
  let dataDirectory: string;
  let home: string;
  let app: BuiltAppProcess;
  /** Every app process started, to be ended after a failed test. */
  const started: BuiltAppProcess[] = [];
  let webContentsId: number;
  let windowId: number;

  beforeAll(async () => {
    assertFreshBuild();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-shell-'));
    dataDirectory = path.join(root, 'profile');
    home = path.join(root, 'home');
    // What a crashed run's print job left in the profile's private temporary folder (issue 14).
    fs.mkdirSync(path.join(dataDirectory, 'temporary'), { recursive: true });
    fs.writeFileSync(path.join(dataDirectory, 'temporary', '.org.chromium.Chromium.left'), '%PDF-1.4 Margaret Hale');
    app = BuiltAppProcess.start({ dataDirectory, home });
    started.push(app);
    // Started: the window shows itself once its page has loaded.
    await app.waitFor('BrowserWindow.show');
    ({ webContentsId, windowId } = app.calls('BrowserWindow.new')[0]!);
    // A fresh profile: the first administrator is set up (and signed in) as the first-start screen would.
    await app.call('session.setUpTeam', {
      organisation: { name: 'Welzo Limited' },
      administrator: { name: 'Ada Admin', login: 'ada', password: 'correct horse battery' },
    });
  }, STARTS_PROCESSES);

  afterAll(() => {
    for (const process of started) process.kill();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('starts on the data directory it is given, takes the lock there and opens its database there', async () => {
    const order = app.records.map((record) => record.api);
    // The lock is keyed by the user-data directory when it is taken: the profile must be set first.
    expect(order.indexOf('app.setPath')).toBeLessThan(order.indexOf('app.requestSingleInstanceLock'));
    // Chromium's temporary folder (where print jobs are spooled as PDFs) is the profile's private
    // one, 0700, emptied at start, set before Electron is ready (issue 14, P-7.2).
    const temporaries = path.join(dataDirectory, 'temporary');
    expect(app.calls('app.setPath')).toEqual([
      { name: 'userData', path: dataDirectory },
      { name: 'temp', path: temporaries },
    ]);
    expect(order.lastIndexOf('app.setPath')).toBeLessThan(order.indexOf('app.ready'));
    expect(order.indexOf('app.requestSingleInstanceLock')).toBeLessThan(order.lastIndexOf('app.setPath'));
    expect(fs.readdirSync(temporaries)).toEqual([]);
    if (process.platform !== 'win32') expect(fs.statSync(temporaries).mode & 0o777).toBe(0o700);
    expect(app.calls('app.requestSingleInstanceLock')).toEqual([{ userData: dataDirectory, granted: true }]);
    // Electron refuses both once ready, so they must come before it.
    for (const beforeReady of ['app.enableSandbox', 'protocol.registerSchemesAsPrivileged'] as const)
      expect(order.indexOf(beforeReady)).toBeLessThan(order.indexOf('app.ready'));
    expect(app.calls('protocol.registerSchemesAsPrivileged')[0]!.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);

    const info = await app.call('app.info', {});
    const packageJson = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { productName: string; version: string };
    expect(info).toMatchObject({ name: packageJson.productName, version: packageJson.version, host: 'electron', dataDirectory });
    expect(info.database).toEqual({ state: 'ready', file: path.join(dataDirectory, 'plaint.sqlite'), message: null });
    expect(fs.existsSync(path.join(dataDirectory, 'plaint.sqlite'))).toBe(true);
    // Nothing went to the default profile under the user's home.
    expect(fs.existsSync(path.join(home, '.config'))).toBe(false);
  });

  it('opens one window with context isolation, the sandbox and web security, no Node, and the built preload', async () => {
    const windows = app.calls('BrowserWindow.new');
    expect(windows).toHaveLength(1);
    const { options, icon } = windows[0]!;
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      webSecurity: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(options.webPreferences?.preload).toBe(path.join(path.dirname(BUILT_MAIN), '..', 'preload', 'index.cjs'));
    expect(fs.existsSync(options.webPreferences?.preload ?? '')).toBe(true);
    expect(icon).toMatchObject({ isEmpty: false });
    // Shown only after its page loaded, so the user never sees an empty window.
    expect(options.show).toBe(false);
    expect(app.calls('BrowserWindow.loadURL')).toEqual([{ windowId, url: APP_ENTRY_URL, status: 200 }]);
    const order = app.records.map((record) => record.api);
    expect(order.indexOf('BrowserWindow.show')).toBeGreaterThan(order.indexOf('BrowserWindow.loadURL'));
  });

  it('serves the renderer from app://plaint with the real CSP header, and nothing outside the renderer folder', async () => {
    const index = await app.request('protocol.request', { url: APP_ENTRY_URL });
    expect(index.status).toBe(200);
    expect(index.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': CSP_HEADER,
      'x-content-type-options': 'nosniff',
    });
    const html = fs.readFileSync(path.join(repoRoot, 'out', 'renderer', 'index.html'));
    expect(Buffer.from(index.body).equals(html)).toBe(true);
    const script = /<script[^>]* src="([^"]+)"/.exec(html.toString('utf8'))?.[1] ?? 'missing.js';
    expect(await app.request('protocol.request', { url: new URL(script, APP_ENTRY_URL).href })).toMatchObject({
      status: 200,
      headers: { 'content-type': 'text/javascript; charset=utf-8' },
    });

    // Each of these names a file that exists outside out/renderer (or a host that is not Plaint's).
    const outside = [
      'app://plaint/..%2Fmain%2Findex.js',
      'app://plaint/%2e%2e%2fpreload%2findex.cjs',
      'app://plaint/..%5Cmain%5Cindex.js',
      `app://plaint/${encodeURIComponent(BUILT_MAIN)}`,
      'app://elsewhere/index.html',
    ];
    for (const url of outside) {
      const refused = await app.request('protocol.request', { url });
      expect({ url, status: refused.status }).toEqual({ url, status: 404 });
      expect(Buffer.from(refused.body).toString('utf8')).toBe('Not found');
    }
  });

  it('answers IPC from its own window’s main frame only: other frames and pages get FORBIDDEN', async () => {
    expect(await app.invoke('app.ping', { message: 'hello' })).toMatchObject({ ok: true, result: { pong: true, message: 'hello' } });
    const strangers = [
      { webContentsId, frame: 'child', url: APP_ENTRY_URL },
      { webContentsId, frame: 'main', url: 'https://evil.example/' },
      { webContentsId: null, frame: 'main', url: APP_ENTRY_URL },
    ] as const;
    for (const sender of strangers) {
      expect({ sender, response: await app.invoke('app.ping', {}, sender) }).toMatchObject({ sender, response: { ok: false, error: { code: 'FORBIDDEN' } } });
    }
  });

  it('denies navigation to other origins, window.open, webviews and permission requests', async () => {
    const away = 'https://evil.example/phish';
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect'] as const) {
      expect({ event, ...(await app.request('webContents.navigate', { webContentsId, event, url: away })) }).toEqual({ event, prevented: true });
    }
    // Its own pages stay reachable: the handler tells origins apart, it does not block everything.
    expect(await app.request('webContents.navigate', { webContentsId, event: 'will-navigate', url: `${APP_ENTRY_URL}#/cases` })).toEqual({ prevented: false });
    expect(await app.request('webContents.windowOpen', { webContentsId, url: away })).toEqual({ action: 'deny' });
    expect(await app.request('webContents.windowOpen', { webContentsId, url: APP_ENTRY_URL })).toEqual({ action: 'deny' });
    expect(await app.request('webContents.attachWebview', { webContentsId, src: away })).toEqual({ prevented: true });
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read'] as const) {
      expect({ permission, ...(await app.request('session.requestPermission', { webContentsId, permission })) }).toEqual({ permission, granted: false });
      expect({ permission, ...(await app.request('session.checkPermission', { webContentsId, permission, origin: 'app://plaint' })) }).toEqual({
        permission,
        granted: false,
      });
    }
  });

  // The next three share cases: one breached (3 days old) and two whose acknowledgement is due within the hour.
  let breached: { caseId: string; reference: string };
  let dueToday: { caseId: string; reference: string }[];
  let me: string;

  it('shows a desktop notification for a breached deadline, and clicking it opens that case', async () => {
    await app.call('device.setPreferences', { holdDuringQuietHours: false });
    await app.call('settings.updateSlaPolicy', { ...DEFAULT_SLA_POLICY, acknowledgement: { unit: 'clock-hours', amount: 48 } });
    await app.call('settings.updateCalendar', { region: 'GB-ENG', timeZone: zoneWhereItIsMidday(new Date()), closures: [] });
    me = (await app.call('session.current', {})).viewer!.accountId;
    breached = await app.call('cases.create', complaint('Ada Breach', new Date(Date.now() - 72 * HOUR), me));

    const notification = await app.waitFor('Notification.show', ({ title }) => title === `Deadline breached: ${breached.reference}`);
    expect(notification).toMatchObject({ body: 'Acknowledgement for Ada Breach', urgency: 'critical', icon: path.join(repoRoot, 'resources', 'icon.png') });

    // The user had closed the window: Plaint stays in the tray, so the notification must bring it back.
    expect(await app.request('BrowserWindow.close', { windowId })).toEqual({ closed: false });
    await app.waitFor('BrowserWindow.hide');
    const beforeClick = app.lastSeq;
    await app.request('Notification.click', { id: notification.id });
    const navigation = await app.waitFor('webContents.send', ({ channel, args }) => channel === IPC_EVENT_CHANNEL && args[0] === 'app.navigate', beforeClick);
    // The renderer's route for one case is /case/:caseId (src/renderer/src/shell/Shell.tsx).
    expect(navigation).toEqual({ webContentsId, channel: IPC_EVENT_CHANNEL, args: ['app.navigate', { path: `/case/${breached.caseId}` }] });
    await app.waitFor('BrowserWindow.show', () => true, beforeClick);
    await app.waitFor('BrowserWindow.focus', () => true, beforeClick);
  });

  it('shows the breached and due-today counts in the tray, with the breached count as the badge', async () => {
    dueToday = [
      await app.call('cases.create', complaint('Bea Soon', new Date(Date.now() - 47 * HOUR), me)),
      await app.call('cases.create', complaint('Cy Soon', new Date(Date.now() - 47 * HOUR), me)),
    ];
    await app.waitFor('Tray.setContextMenu', ({ items }) => items[0]?.label === 'Breached: 1' && items[1]?.label === 'Due today: 2');
    await app.waitFor('Tray.setToolTip', ({ toolTip }) => toolTip === 'Plaint: 1 breached, 2 due today');
    await app.waitFor('app.setBadgeCount', ({ count }) => count === 1);
    // The counts are menu items that open their views.
    const beforeClick = app.lastSeq;
    await app.request('Tray.clickMenuItem', { label: 'Due today: 2' });
    await app.waitFor(
      'webContents.send',
      ({ args }) => args[0] === 'app.navigate' && JSON.stringify(args[1]) === JSON.stringify({ path: '/cases/view/due-today' }),
      beforeClick,
    );
  });

  it('catches up on deadlines that passed while the system slept as soon as it resumes', async () => {
    // Their warnings came from the notifier's own recompute, so it has settled with the clock still at now.
    for (const { reference } of dueToday) await app.waitFor('Notification.show', ({ title }) => title === `Deadline due soon: ${reference}`);
    const beforeSleep = app.lastSeq;
    // Their acknowledgement deadlines pass during the sleep; the notifier's timer would only fire
    // an hour from now, so only the resume can announce them in this test.
    await app.request('system.sleep', { ms: 2 * HOUR });
    for (const { reference } of dueToday) await app.waitFor('Notification.show', ({ title }) => title === `Deadline breached: ${reference}`, beforeSleep);
    // The sleep locked Plaint (powerMonitor 'suspend'): nothing answers until the same person unlocks.
    expect(app.calls('powerMonitor.listen').map(({ event }) => event)).toEqual(expect.arrayContaining(['suspend', 'lock-screen']));
    expect(await app.call('session.current', {})).toMatchObject({ state: 'locked', viewer: { name: 'Ada Admin' } });
    expect(await app.invoke('sync.settings', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await app.call('session.unlock', { password: 'correct horse battery' })).toMatchObject({ state: 'signed-in' });
  });

  it('keeps the sync password in safeStorage, sealed on disk, and unseals it to log in', async () => {
    const couch = await refusingCouch();
    try {
      expect(await app.call('sync.settings', {})).toMatchObject({ hasPassword: false, passwordStorage: 'os-keychain' });
      const password = 'correct horse battery staple';
      const firstLogin = couch.nextAuthorization();
      await app.call('sync.configure', { enabled: true, serverUrl: couch.url, database: 'plaint', username: 'anna', password });
      expect(await firstLogin).toBe(`Basic ${Buffer.from(`anna:${password}`).toString('base64')}`);
      expect(app.calls('safeStorage.encryptString').length).toBeGreaterThan(0);
      expect(app.calls('safeStorage.decryptString').length).toBeGreaterThan(0);
      const sealed = fs.readFileSync(path.join(dataDirectory, 'sync-password.bin'));
      expect(sealed.includes(Buffer.from(password))).toBe(false);
      expect(fs.statSync(path.join(dataDirectory, 'sync-password.bin')).mode & 0o777).toBe(0o600);
      expect(await app.call('sync.settings', {})).toMatchObject({ hasPassword: true, passwordStorage: 'os-keychain' });
      await app.call('sync.configure', { enabled: false, serverUrl: couch.url, database: 'plaint', username: 'anna' });
    } finally {
      await couch.close();
    }
  });

  it(
    'hands a second instance on the same data directory over to the first, which shows its window; another profile runs on its own',
    async () => {
      const beforeSecond = app.lastSeq;
      const second = BuiltAppProcess.start({ dataDirectory, home });
      started.push(second);
      expect(await second.exited).toEqual({ code: 0, signal: null });
      expect(second.calls('app.requestSingleInstanceLock')).toEqual([{ userData: dataDirectory, granted: false }]);
      expect(second.calls('BrowserWindow.new')).toEqual([]);
      await app.waitFor('app.emit', ({ event }) => event === 'second-instance', beforeSecond);
      await app.waitFor('BrowserWindow.focus', () => true, beforeSecond);

      const elsewhere = BuiltAppProcess.start({ dataDirectory: path.join(root, 'other-profile'), home });
      started.push(elsewhere);
      await elsewhere.waitFor('BrowserWindow.show');
      expect(elsewhere.calls('app.requestSingleInstanceLock')).toEqual([{ userData: path.join(root, 'other-profile'), granted: true }]);
      await elsewhere.request('Tray.clickMenuItem', { label: 'Quit Plaint' });
      expect(await elsewhere.exited).toEqual({ code: 0, signal: null });
    },
    STARTS_PROCESSES,
  );

  it('asks Electron’s save dialog, over its window, where a subject-access archive goes (issue 14)', async () => {
    const choice = await app.call('people.chooseArchive', { suggestedName: 'subject-access-Anna: Bērziņa' });
    expect(choice).toEqual({ available: true, path: expect.stringMatching(/[/\\]Documents[/\\]subject-access-Anna_ Bērziņa\.zip$/) });
    expect(app.calls('dialog.showSaveDialog')).toEqual([
      { defaultPath: choice.path, extensions: ['zip'], properties: ['createDirectory', 'showOverwriteConfirmation'], parented: true },
    ]);
  });

  it('quits from the tray cleanly: IPC stops, the tray goes, and the database is closed', async () => {
    await app.request('Tray.clickMenuItem', { label: 'Quit Plaint' });
    expect(await app.exited).toEqual({ code: 0, signal: null });
    expect(app.calls('ipcMain.removeHandler')).toEqual([{ channel: 'plaint:invoke' }]);
    expect(app.calls('Tray.destroy')).toHaveLength(1);
    expect(app.calls('BrowserWindow.closed')).toEqual([{ windowId }]);
    expect(app.calls('app.exit')).toEqual([{ code: 0 }]);
    // SQLite folds its write-ahead log into the file and deletes it only on a clean close.
    expect(fs.readdirSync(dataDirectory).filter((name) => name.startsWith('plaint.sqlite'))).toEqual(['plaint.sqlite']);
    // Encrypted at rest (P-7.2): the key's keychain slot was sealed by (the fake) safeStorage, which
    // prefixes and scrambles; without the key the file is not a database.
    const file = path.join(dataDirectory, 'plaint.sqlite');
    expect(fs.readFileSync(file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    const prefix = Buffer.from('fake-keychain:v1:');
    const fakeKeychain: KeyProtector = {
      kind: 'os-keychain',
      protect: () => Buffer.alloc(0),
      unprotect: (sealed) => Buffer.from(Buffer.from(sealed.subarray(prefix.length).map((byte) => byte ^ 0xa5)).toString('utf8'), 'base64'),
    };
    const keyring = DatabaseKeyring.load({ file: keyFilePath(file), protector: fakeKeychain, cost: { N: 16_384, r: 8, p: 1 } });
    expect(keyring?.status()).toMatchObject({ keychainSlot: true });
    expect(keyring?.unlockAtStart()).toBe(true);
    const database = new Database(file, { readonly: true, fileMustExist: true });
    try {
      // The built app writes AEGIS (the profile cipher), not the library's default.
      applyKey(database, keyring?.databaseKey() ?? '');
      expect(database.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      database.close();
    }
    const log = fs.readFileSync(path.join(dataDirectory, 'logs', 'main.log'), 'utf8');
    expect(log).toContain('Main services stopping');
    expect(log).not.toMatch(/\[error\]/i);
  });
});
