/**
 * Fetching the team mailbox (issue 17, P-3.1): every message in the inbox that Plaint does not
 * hold yet is read, checked and stored as one incoming-e-mail record, and every message already
 * triaged (on this device or another) is moved to the processed folder.
 *
 * - **The record** is the message itself as a stored file (`message/rfc822`, owner `mailbox`)
 *   plus its attachments as files owned by the letter its triage will write. Its id is a hash of
 *   the Message-ID, and everything in it comes from the server (bytes, INTERNALDATE as its time),
 *   so two devices importing one message write the same documents and converge on one record.
 * - **The receipt time** is the server's INTERNALDATE: when the team's mail server received it,
 *   which starts the clock of a complaint it brings (P-3.2).
 * - **All or nothing per message:** a message that fails its checks (too large, malformed MIME,
 *   a header in the wrong encoding, an attachment a scan could not be) is left in the mailbox as
 *   it was, nothing of it is stored, and the result says why. A wrong password or an unreachable
 *   server changes nothing at all.
 * - **Bounces** (a report that an e-mail Plaint sent was not delivered) are not listed for triage:
 *   matched to their letter by its Message-ID, they are recorded on its case at once
 *   (bounce-record.ts) and moved like a triaged message. A bounce of an e-mail Plaint did not send
 *   (or whose sending has not reached this device yet) is left in the mailbox with that reason.
 * - **Moves are state, not a queue:** a message is moved when its record has been triaged, by
 *   whichever device next reaches the server, so triage done offline moves it once the server is
 *   back, and two devices never disagree about what is left to move.
 */
import type { FetchMessageObject, ImapFlow } from 'imapflow';
import { DomainError } from '../../shared/domain/domain-error';
import type { MailImportResult, MailSettings, RefusedMessage } from '../../shared/domain/mail';
import { ChangeSet, isWriteConflict } from '../database/change-set';
import type { FileStore } from '../files/file-store';
import type { LetterCollections } from '../post-room/letters-collection';
import { closeImap, connectImap, mailProblem } from './imap-connection';
import { readBounce } from './bounce';
import type { BounceRecorder } from './bounce-record';
import { MAILBOX_OWNER, MESSAGE_MIME_TYPE } from './mailbox-owner';
import { mailRecordId, MAX_MESSAGE_BYTES, readMessage, tooLarge, type ReadMessage } from './read-message';

export { MAILBOX_OWNER, MESSAGE_MIME_TYPE };

export function attachmentId(recordId: string, index: number): string {
  return `${recordId}-${index + 1}`;
}

interface Listed {
  readonly uid: number;
  readonly size: number;
  readonly receivedAt: Date;
  readonly recordId: string | null;
  readonly subject: string;
  readonly from: string;
}

function listed(message: FetchMessageObject): Listed {
  const messageId = message.envelope?.messageId;
  const internal = message.internalDate;
  return {
    uid: message.uid,
    size: message.size ?? 0,
    receivedAt: internal instanceof Date ? internal : new Date(internal ?? 0),
    recordId: messageId ? mailRecordId(messageId) : null,
    subject: message.envelope?.subject ?? '',
    from: message.envelope?.from?.[0]?.address ?? '',
  };
}

export class MailboxImport {
  constructor(
    private readonly files: FileStore,
    private readonly letters: LetterCollections,
    private readonly bounces: BounceRecorder,
  ) {}

  async run(config: MailSettings | null, password: string | null): Promise<MailImportResult> {
    if (!config || !config.enabled) throw mailProblem('mail_not_configured', 'The team mailbox is not set up (Settings → E-mail)');
    const client = await connectImap(config, password);
    try {
      return await this.fromInbox(client, config);
    } catch (error) {
      // The connection dropped mid-way: what was stored stays (each message is whole), the rest waits.
      if (!(error instanceof DomainError) && !client.usable) throw mailProblem('mail_unreachable', `The mail server ${config.imap.host} stopped answering during the import`, { host: `${config.imap.host}:${config.imap.port}` });
      throw error;
    } finally {
      await closeImap(client);
    }
  }

  private async fromInbox(client: ImapFlow, settings: MailSettings): Promise<MailImportResult> {
    const lock = await client.getMailboxLock(settings.imap.inbox).catch(() => {
      throw mailProblem('mail_folder_missing', `The mailbox has no folder ${settings.imap.inbox}`, { folder: settings.imap.inbox });
    });
    let imported = 0;
    let known = 0;
    let bounced = 0;
    const refused: RefusedMessage[] = [];
    const toMove: number[] = [];
    try {
      const messages: Listed[] = [];
      const exists = client.mailbox ? client.mailbox.exists : 0;
      if (exists > 0) for await (const message of client.fetch('1:*', { uid: true, internalDate: true, size: true, envelope: true })) messages.push(listed(message));
      for (const message of messages) {
        const outcome = await this.one(client, message);
        if (outcome === 'imported') imported += 1;
        else if (outcome === 'known') known += 1;
        else if (outcome === 'triaged') toMove.push(message.uid);
        else if (outcome === 'bounced') {
          bounced += 1;
          toMove.push(message.uid);
        } else refused.push(outcome);
      }
    } finally {
      lock.release();
    }
    if (toMove.length > 0) await this.moveProcessed(client, settings, toMove);
    return { imported, known, bounced, refused, moved: toMove.length - bounced };
  }

  private async one(client: ImapFlow, message: Listed): Promise<'imported' | 'known' | 'triaged' | 'bounced' | RefusedMessage> {
    const refusal = (reading: { code: RefusedMessage['code']; params?: RefusedMessage['params'] }): RefusedMessage => ({
      uid: message.uid,
      subject: message.subject,
      from: message.from,
      code: reading.code,
      ...(reading.params ? { params: reading.params } : {}),
    });
    if (message.recordId) {
      const state = await this.stateOf(message.recordId);
      if (state !== 'new') return state;
    }
    // Refused before downloading: a 50 MB attachment never reaches this device.
    if (message.size > MAX_MESSAGE_BYTES) {
      const reading = tooLarge(message.size);
      return refusal(reading.ok ? { code: 'mail_too_large' } : reading);
    }
    const fetched = await client.fetchOne(String(message.uid), { source: true }, { uid: true });
    const raw = fetched ? fetched.source : undefined;
    if (!raw) return refusal({ code: 'mail_malformed' });
    const recordId = message.recordId ?? mailRecordId(null, raw);
    if (!message.recordId) {
      const state = await this.stateOf(recordId);
      if (state !== 'new') return state;
    }
    // Issue 17: a bounce goes on the case of the letter it returns, never to triage.
    const bounce = await readBounce(raw);
    if (bounce) {
      const recorded = await this.bounces.record(recordId, raw, bounce, message.receivedAt);
      if (recorded === 'unmatched') return refusal({ code: 'mail_bounce_unmatched' });
      return recorded === 'recorded' ? 'bounced' : 'known';
    }
    const reading = await readMessage(raw);
    if (!reading.ok) return refusal(reading);
    return this.store(recordId, raw, reading.message, message.receivedAt);
  }

  private async stateOf(recordId: string): Promise<'new' | 'known' | 'triaged'> {
    if (await this.letters.letters.findOne(recordId).exec()) return 'triaged';
    return (await this.files.existing([recordId])).has(recordId) ? 'known' : 'new';
  }

  /** The message and its attachments in one transaction: all stored, or none. */
  private async store(recordId: string, raw: Buffer, message: ReadMessage, receivedAt: Date): Promise<'imported' | 'known'> {
    const createdAt = receivedAt.toISOString();
    const changes = new ChangeSet();
    this.files.plan(changes, { id: recordId, ownerId: MAILBOX_OWNER, name: 'message.eml', mimeType: MESSAGE_MIME_TYPE, data: raw, createdAt });
    message.attachments.forEach((attachment, index) => {
      this.files.plan(changes, { id: attachmentId(recordId, index), ownerId: recordId, name: attachment.name, mimeType: attachment.mimeType, data: attachment.data, createdAt });
    });
    try {
      await changes.commit();
      return 'imported';
    } catch (error) {
      // Another device's copy of the same message arrived by sync in the meantime.
      if (isWriteConflict(error)) return 'known';
      throw error;
    }
  }

  private async moveProcessed(client: ImapFlow, settings: MailSettings, uids: readonly number[]): Promise<void> {
    const target = settings.imap.processedFolder;
    const folders = await client.list();
    if (!folders.some((folder) => folder.path === target)) await client.mailboxCreate(target);
    const lock = await client.getMailboxLock(settings.imap.inbox);
    try {
      await client.messageMove(uids.join(','), target, { uid: true });
    } finally {
      lock.release();
    }
  }
}
