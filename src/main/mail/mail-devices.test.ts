/**
 * Several devices watching one mailbox (issue 17): two devices (each the real main services in its
 * own process) import the same message from a real Dovecot, offline from each other, and write the
 * same record (its id hashes the Message-ID, its contents come from the server), so after sync
 * there is one record; triaged on one device, it becomes one case, the other device lists it as
 * done, imports nothing and moves the message to the processed folder.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startCouchServer } from '../sync/local-server/pouchdb-server';
import { connect, startDevice, waitForConvergence, waitUntil, type Device } from '../sync/test-support/devices';
import { PNG } from '../files/test-support/scan-files';
import { dovecotInstalled, startDovecot, type DovecotServer } from './test-support/dovecot';
import { composeMessage } from './test-support/messages';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function device(name: string, mailbox: DovecotServer): Promise<Device> {
  const started = await startDevice(name);
  cleanups.push(() => started.close());
  await started.call('mail.configure', {
    enabled: true,
    imap: { host: '127.0.0.1', port: mailbox.port, security: 'none', username: mailbox.user },
    smtp: { host: '127.0.0.1', port: 2525, security: 'none', from: 'complaints@example.com' },
    password: mailbox.password,
  });
  return started;
}

describe.skipIf(!dovecotInstalled())('two devices watching one mailbox', () => {
  it('import the same message as one record, which becomes one case', async () => {
    const mailbox = await startDovecot();
    cleanups.push(() => mailbox.stop());
    const couch = await startCouchServer();
    cleanups.push(() => couch.close());
    await mailbox.append(
      await composeMessage({
        messageId: '<shared@example.org>',
        subject: 'Leaking bottle',
        text: 'It leaked.',
        attachments: [{ filename: 'photo.png', content: PNG }],
      }),
      {
        receivedAt: new Date('2026-11-20T10:15:00.000Z'),
      },
    );
    const [a, b] = [await device('a', mailbox), await device('b', mailbox)];

    // Offline from each other, both import it.
    expect(await a.call('mail.fetch', {})).toMatchObject({ imported: 1 });
    expect(await b.call('mail.fetch', {})).toMatchObject({ imported: 1 });
    const [onA] = await a.call('mail.list', {});
    const [onB] = await b.call('mail.list', {});
    expect(onB!.id).toBe(onA!.id);

    await connect(a, couch.url);
    await connect(b, couch.url);
    const data = await waitForConvergence([a, b]);
    const files = data['files'] as { id: string; ownerId: string }[];
    expect(files.filter((file) => file.ownerId === 'mailbox').map((file) => file.id)).toEqual([onA!.id]);
    expect(files.filter((file) => file.ownerId === onA!.id)).toHaveLength(1);

    const triaged = await a.call('mail.triage', { mailId: onA!.id, kind: 'new-complaint', type: 'product' });
    await waitUntil(async () => (await b.call('mail.list', {})).length === 0, 'device b to see the e-mail triaged');
    expect((await b.call('mail.list', { include: 'all' })).map((row) => row.triage?.caseId)).toEqual([triaged.triage!.caseId]);
    expect((await b.call('mail.fetch', {})).imported).toBe(0);
    expect(await mailbox.messageIds('Plaint/Logged')).toEqual(['<shared@example.org>']);
    expect(await a.call('mail.fetch', {})).toEqual({ imported: 0, known: 0, bounced: 0, refused: [], moved: 0 });
    const converged = await waitForConvergence([a, b]);
    expect(converged['cases']).toHaveLength(1);
  });
});
