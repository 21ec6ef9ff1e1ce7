/**
 * Importing in batches (issue 17's benchmark): new messages are fetched with one UID FETCH and
 * stored in one transaction per batch, and each message stays all or nothing:
 * - a crash just before a batch is stored leaves nothing of any of its messages, and the mailbox
 *   as it was; the next fetch imports every message whole, with all its attachments;
 * - another device's copy of one message arriving by sync while the batch is read does not fail
 *   the others: they are stored, that one is counted as known, and nothing is stored twice;
 * - a message that fails its checks is left out of its batch and the others are stored.
 */
import { isRxDatabase, type RxDatabase } from 'rxdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestDomain, type TestDomain } from '../domain/test-support';
import { addFileCollections, FileStore } from '../files/file-store';
import { PDF, PNG } from '../files/test-support/scan-files';
import { MAILBOX_OWNER, MESSAGE_MIME_TYPE } from './mailbox-owner';
import { dovecotInstalled, startDovecot, type DovecotServer } from './test-support/dovecot';
import { composeMessage, malformedMime } from './test-support/messages';

let t: TestDomain;
let mailbox: DovecotServer;
let beforeStore: (recordIds: readonly string[]) => Promise<void> = () => Promise.resolve();

const RECEIVED = new Date('2026-11-24T14:37:12.000Z');

async function configure() {
  await t.call('mail.configure', {
    enabled: true,
    imap: { host: '127.0.0.1', port: mailbox.port, security: 'none', username: mailbox.user },
    smtp: { host: '127.0.0.1', port: 2525, security: 'none', from: 'complaints@example.com' },
    password: mailbox.password,
  });
}

async function appendComplaints(count: number): Promise<Buffer[]> {
  const raws: Buffer[] = [];
  for (let index = 1; index <= count; index += 1) {
    const raw = await composeMessage({
      messageId: `<batch-${index}@example.org>`,
      subject: `Complaint ${index}`,
      text: `Complaint number ${index}.`,
      attachments: [
        { filename: 'photo.png', content: PNG },
        { filename: 'receipt.pdf', content: PDF },
      ],
    });
    await mailbox.append(raw, { receivedAt: RECEIVED });
    raws.push(raw);
  }
  return raws;
}

/** The services' database, to write what another device's sync would. */
function database(value: unknown): RxDatabase {
  const isDatabase = (candidate: unknown): candidate is RxDatabase => isRxDatabase(candidate);
  if (!isDatabase(value)) throw new Error('not an RxDB database');
  return value;
}

/** Every imported message with the names of its attachments, in the mailbox's order. */
async function imported() {
  const rows = await t.call('mail.list', { include: 'all' });
  return rows.map((row) => [row.messageId, row.attachments.map((file) => file.name)]).sort(([a], [b]) => String(a).localeCompare(String(b)));
}

describe.skipIf(!dovecotInstalled())('importing a batch of messages is all or nothing per message (issue 17)', () => {
  beforeEach(async () => {
    beforeStore = () => Promise.resolve();
    t = await startTestDomain('2026-11-25T11:00:00.000Z', undefined, { services: { mailHooks: { beforeStore: (ids) => beforeStore(ids) } } });
    mailbox = await startDovecot();
    await configure();
  });
  afterEach(async () => {
    await t.close();
    await mailbox.stop();
  });

  it('a crash just before a batch is stored leaves none of its messages; the next fetch imports each whole', async () => {
    await appendComplaints(3);
    beforeStore = () => Promise.reject(new Error('Simulated crash before the batch is stored'));
    await t.fail('mail.fetch', {});
    expect(await imported()).toEqual([]);
    expect(await mailbox.messageIds('INBOX')).toEqual(['<batch-1@example.org>', '<batch-2@example.org>', '<batch-3@example.org>']);

    beforeStore = () => Promise.resolve();
    expect(await t.call('mail.fetch', {})).toEqual({ imported: 3, known: 0, bounced: 0, refused: [], moved: 0 });
    const whole = ['photo.png', 'receipt.pdf'];
    expect(await imported()).toEqual([
      ['<batch-1@example.org>', whole],
      ['<batch-2@example.org>', whole],
      ['<batch-3@example.org>', whole],
    ]);
  });

  it("another device's copy of one message arriving while the batch is read: the others are stored, that one is known", async () => {
    const raws = await appendComplaints(3);
    const files = new FileStore(await addFileCollections(database(t.services.domain!.db)));
    beforeStore = async (recordIds) => {
      beforeStore = () => Promise.resolve();
      // As sync would bring it: the same record, written by the other device (its attachments come apart).
      await files.put({
        id: recordIds[1]!,
        ownerId: MAILBOX_OWNER,
        name: 'message.eml',
        mimeType: MESSAGE_MIME_TYPE,
        data: raws[1]!,
        createdAt: RECEIVED.toISOString(),
      });
    };
    expect(await t.call('mail.fetch', {})).toEqual({ imported: 2, known: 1, bounced: 0, refused: [], moved: 0 });
    const rows = await imported();
    expect(rows.map(([messageId]) => messageId)).toEqual(['<batch-1@example.org>', '<batch-2@example.org>', '<batch-3@example.org>']);
    expect(rows.filter(([, names]) => (names as string[]).length === 2).map(([messageId]) => messageId)).toEqual([
      '<batch-1@example.org>',
      '<batch-3@example.org>',
    ]);
    expect(await t.call('mail.fetch', {})).toEqual({ imported: 0, known: 3, bounced: 0, refused: [], moved: 0 });
  });

  it('a message that fails its checks is left out of its batch; the others are stored', async () => {
    await appendComplaints(1);
    await mailbox.append(malformedMime('<broken@example.org>'), { receivedAt: RECEIVED });
    await mailbox.append(
      await composeMessage({ messageId: '<after@example.org>', subject: 'After', text: 'Later.', attachments: [{ filename: 'receipt.pdf', content: PDF }] }),
      { receivedAt: RECEIVED },
    );
    const result = await t.call('mail.fetch', {});
    expect(result).toMatchObject({ imported: 2, known: 0, refused: [{ code: 'mail_malformed' }] });
    expect(await imported()).toEqual([
      ['<after@example.org>', ['receipt.pdf']],
      ['<batch-1@example.org>', ['photo.png', 'receipt.pdf']],
    ]);
  });
});
