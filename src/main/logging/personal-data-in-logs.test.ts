/**
 * The log never holds personal data (P-7.2, issue 11): a complainant's name, e-mail and phone
 * are used on every error path the API has (validation failures, not found, workflow refusals,
 * post-room refusals, a full disk, a read-only database, an RxDB schema violation) and in a
 * deadline notification, then the real log file is searched for them.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../shared/api/names';
import { createDispatcher, type ApiHandlers } from '../api/dispatcher';
import { phoneComplaint } from '../domain/test-support';
import { PDF } from '../files/test-support/scan-files';
import { startMainServices, type MainServices } from '../services';
import { openSqliteConnection, releaseSqliteConnection } from '../storage/sqlite-connection';

let services: MainServices | null = null;
let directory = '';
afterEach(async () => {
  await services?.close();
  services = null;
  fs.rmSync(directory, { recursive: true, force: true });
});

function withConnection(body: (db: ReturnType<typeof openSqliteConnection>['db']) => void): void {
  const connection = openSqliteConnection(path.join(directory, 'plaint.sqlite'));
  try {
    body(connection.db);
  } finally {
    releaseSqliteConnection(connection);
  }
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 600 && !condition(); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!condition()) throw new Error(`Waited in vain for ${what}`);
}

describe('personal data in logs/main.log', () => {
  it('appears nowhere after every error path and a notification', async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-log-privacy-'));
    const token = crypto.randomBytes(5).toString('hex');
    const person = {
      name: `Quillon Zephyrine ${token}`,
      email: `quillon.${token}@example.org`,
      phone: `+44 7700 ${String(Number.parseInt(token, 16) % 1_000_000).padStart(6, '0')}`,
    };
    services = await startMainServices({
      dataDirectory: directory,
      host: 'harness',
      appName: 'Plaint',
      version: '0.0.0-test',
      clock: { now: () => new Date('2026-11-25T11:00:00.000Z') },
    });
    const call = (method: string, input: unknown) => services!.dispatch(method, input, { host: 'test' });
    // Signed out, everything but app.* and session.* is refused; then the first administrator is set up.
    expect(await call('cases.get', { caseId: 'x' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const password = `secret-${token}-password`;
    const setUp = await call('session.setUpTeam', { organisation: { name: 'Welzo Limited' }, administrator: { name: 'Ada Admin', login: 'ada', password } });
    const wrong = await call('session.signIn', { login: 'ada', password: `${password}-wrong` });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const answers = [setUp, wrong, await call('settings.get', {}), await call('session.current', {})];
    const complainant = { ...phoneComplaint.complainant, name: person.name, email: person.email, phone: person.phone };
    const complaint = {
      ...phoneComplaint,
      complainant,
      summary: `Complaint from ${person.name}`,
      description: `Call ${person.phone} or write to ${person.email}`,
    };
    const sender = { name: person.name, addressLines: [`${person.name}, 1 High Street`], postcode: 'M1 1AE', country: 'GB' };

    const failures = [
      await call('cases.create', { ...complaint, complainant: { ...complainant, email: `${person.email}@@` }, receivedAt: '2026-11-24T10:00:00.000Z' }),
      await call('cases.create', { ...complaint, complainant: { ...complainant, name: person.name.repeat(20) }, receivedAt: '2026-11-24T10:00:00.000Z' }),
      await call('cases.create', { ...complaint, receivedAt: '2026-12-24T10:00:00.000Z' }),
      await call('cases.create', { ...complaint, receivedOn: '1969-12-31' }),
      await call('cases.get', { caseId: `missing-${token}` }),
    ];
    const created = await call('cases.create', { ...complaint, receivedAt: '2026-11-20T10:00:00.000Z' });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const { caseId, reference } = created.result as { caseId: string; reference: string };
    failures.push(
      await call('cases.act', { caseId, action: { type: 'close', at: '2026-11-25T10:00:00.000Z', rootCauseNote: person.name } }),
      await call('cases.act', { caseId, action: { type: 'recordEscalationRequest', at: '2026-11-25T10:00:00.000Z', channel: 'letter', reason: person.email } }),
      await call('cases.addNote', { caseId, at: '2026-11-01T10:00:00.000Z', text: `Spoke to ${person.name}` }),
      await call('cases.updateDetails', { caseId, changes: { complainant: { ...complainant, phone: `${person.phone} ext. ${person.name}` } } }),
      await call('post.logIncoming', {
        receivedOn: '2026-11-24',
        sender,
        kind: 'new-complaint',
        type: 'product',
        summary: person.email,
        scans: [{ name: `${person.name}.pdf`, mimeType: '', dataBase64: Buffer.from(person.email).toString('base64') }],
      }),
      await call('post.logIncoming', {
        receivedOn: '2026-11-24',
        sender,
        kind: 'new-complaint',
        type: 'product',
        summary: person.email,
        scans: [
          {
            name: `${person.name}.pdf`,
            mimeType: '',
            dataBase64: Buffer.concat([Buffer.from(`%PDF-1.4\n<html>${person.email}</html>`), PDF]).toString('base64'),
          },
        ],
      }),
      await call('post.logIncoming', {
        receivedOn: '2026-11-24',
        sender,
        referenceQuoted: `${reference.slice(0, -1)}${reference.endsWith('0') ? '1' : '0'}`,
        kind: 'correspondence',
        summary: person.email,
      }),
      await call('post.logIncoming', { receivedOn: '2026-11-19', sender, referenceQuoted: reference, kind: 'correspondence', summary: person.email }),
    );

    withConnection((db) => db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`));
    failures.push(await call('cases.create', { ...complaint, description: `${person.email} `.repeat(500), receivedAt: '2026-11-24T10:00:00.000Z' }));
    withConnection((db) => db.pragma('max_page_count = 1073741823'));
    withConnection((db) => db.pragma('query_only = ON'));
    failures.push(await call('cases.addNote', { caseId, text: `Spoke to ${person.name}` }));
    withConnection((db) => db.pragma('query_only = OFF'));

    // An RxDB schema violation carrying the whole document, thrown through a dispatcher that logs to the same file.
    const domain = services.domain!;
    const stored = (await domain.db.cases.findOne(caseId).exec())!.toMutableJSON();
    const invalidInsert = () => domain.db.cases.insert({ ...stored, id: 'copy-of-the-case', stage: 9 } as never);
    const handlers = Object.fromEntries(API_METHODS.map((method) => [method, invalidInsert])) as unknown as ApiHandlers;
    failures.push(await createDispatcher(handlers, services.logger, { viewer: () => null })('app.ping', {}, { host: 'test' }));

    expect(failures.every((response) => !response.ok)).toBe(true);
    const codes = failures.map((response) => (response.ok ? 'ok' : response.error.code));
    expect(codes).toEqual(expect.arrayContaining(['VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_TRANSITION', 'STORAGE_FULL', 'STORAGE_READ_ONLY', 'INTERNAL']));

    const logFile = services.logger.file;
    const log = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '');
    // The password and its verifier reach neither the log nor any answer.
    const verifier = (await services.domain!.db.staff.findOne({ selector: { login: 'ada' } }).exec())!.toJSON().password!;
    for (const secret of [password, verifier.hash, verifier.salt]) {
      expect(JSON.stringify(answers)).not.toContain(secret);
      expect(log()).not.toContain(secret);
    }
    expect(log()).toContain('Sign-in failed');
    await until(() => log().includes('Desktop notification'), 'the breached-deadline notification');
    await services.close();
    services = null;

    const written = log();
    expect(written).toContain('Storage refused API method');
    expect(written).toContain('Unhandled error in API method app.ping');
    for (const value of [token, person.name, person.email, person.phone, 'Quillon', 'Zephyrine', person.email.split('@')[0]!]) {
      expect(written.includes(value), `the log holds '${value}':\n${written}`).toBe(false);
    }
  });
});
