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
 *   server changes nothing at all. New messages are fetched and stored in batches (one UID FETCH
 *   and one transaction per batch, issue 17's benchmark): a batch is stored whole or not at all, so
 *   each message in it is too.
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
import { bounceIn } from './bounce';
import type { BounceRecorder } from './bounce-record';
import { MAILBOX_OWNER, MESSAGE_MIME_TYPE } from './mailbox-owner';
import { mailRecordId, MAX_MESSAGE_BYTES, parseMail, readMessage, tooLarge, type ReadMessage } from './read-message';

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

/** At most this many messages, or about this many bytes of them, are fetched in one FETCH and stored in one transaction. */
const BATCH_MESSAGES = 100;
const BATCH_BYTES = 32 * 1024 * 1024;

export interface ImportHooks {
  /** Just before a batch of read messages is stored (tests: a crash there, or another device's copy arriving by sync). */
  readonly beforeStore?: (recordIds: readonly string[]) => Promise<void>;
}

type State = 'new' | 'known' | 'triaged';

/** A message read and checked, waiting to be stored with its batch. */
interface Readied {
  readonly recordId: string;
  readonly raw: Buffer;
  readonly message: ReadMessage;
  readonly receivedAt: Date;
}

/** What one fetch did, message by message. */
class Tally {
  imported = 0;
  known = 0;
  bounced = 0;
  readonly refused: RefusedMessage[] = [];
  readonly toMove: number[] = [];
  /** Records stored or planned in this run: a second message with the same Message-ID is the same record. */
  readonly seen = new Set<string>();

  count(message: Listed, state: Exclude<State, 'new'>): void {
    if (state === 'known') this.known += 1;
    else this.toMove.push(message.uid);
  }

  refuse(message: Listed, reading: { code: RefusedMessage['code']; params?: RefusedMessage['params'] }): void {
    this.refused.push({
      uid: message.uid,
      subject: message.subject,
      from: message.from,
      code: reading.code,
      ...(reading.params ? { params: reading.params } : {}),
    });
  }

  result(): MailImportResult {
    // In the mailbox's order, whichever step refused them.
    const refused = [...this.refused].sort((a, b) => a.uid - b.uid);
    return { imported: this.imported, known: this.known, bounced: this.bounced, refused, moved: this.toMove.length - this.bounced };
  }
}

/** Consecutive groups of at most BATCH_MESSAGES messages and about BATCH_BYTES (a single larger message goes alone). */
function batches(messages: readonly Listed[]): Listed[][] {
  const groups: Listed[][] = [];
  let current: Listed[] = [];
  let bytes = 0;
  for (const message of messages) {
    if (current.length > 0 && (current.length >= BATCH_MESSAGES || bytes + message.size > BATCH_BYTES)) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += message.size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

export class MailboxImport {
  constructor(
    private readonly files: FileStore,
    private readonly letters: LetterCollections,
    private readonly bounces: BounceRecorder,
    private readonly hooks: ImportHooks = {},
  ) {}

  async run(config: MailSettings | null, password: string | null): Promise<MailImportResult> {
    if (!config || !config.enabled) throw mailProblem('mail_not_configured', 'The team mailbox is not set up (Settings → E-mail)');
    const client = await connectImap(config, password);
    try {
      return await this.fromInbox(client, config);
    } catch (error) {
      // The connection dropped mid-way: what was stored stays (each message is whole), the rest waits.
      if (!(error instanceof DomainError) && !client.usable)
        throw mailProblem('mail_unreachable', `The mail server ${config.imap.host} stopped answering during the import`, {
          host: `${config.imap.host}:${config.imap.port}`,
        });
      throw error;
    } finally {
      await closeImap(client);
    }
  }

  /**
   * One listing FETCH of the whole inbox (envelopes, sizes, INTERNALDATE), one look-up of which
   * records this device holds, then the new messages in batches: each batch's bodies in one UID
   * FETCH, each body parsed once, and the batch's messages stored in one transaction. A batch is
   * all or nothing, so each message in it is too; a message that fails its checks is simply not
   * in its batch.
   */
  private async fromInbox(client: ImapFlow, settings: MailSettings): Promise<MailImportResult> {
    const lock = await client.getMailboxLock(settings.imap.inbox).catch(() => {
      throw mailProblem('mail_folder_missing', `The mailbox has no folder ${settings.imap.inbox}`, { folder: settings.imap.inbox });
    });
    const tally = new Tally();
    try {
      const messages: Listed[] = [];
      const exists = client.mailbox ? client.mailbox.exists : 0;
      if (exists > 0)
        for await (const message of client.fetch('1:*', { uid: true, internalDate: true, size: true, envelope: true })) messages.push(listed(message));
      const states = await this.statesOf(messages.flatMap((message) => (message.recordId ? [message.recordId] : [])));
      const wanted: Listed[] = [];
      for (const message of messages) {
        const state = message.recordId ? (states.get(message.recordId) ?? 'new') : 'new';
        if (state !== 'new') tally.count(message, state);
        // Refused before downloading: a 50 MB attachment never reaches this device.
        else if (message.size > MAX_MESSAGE_BYTES) {
          const reading = tooLarge(message.size);
          tally.refuse(message, reading.ok ? { code: 'mail_too_large' } : reading);
        } else wanted.push(message);
      }
      for (const group of batches(wanted)) await this.importBatch(client, group, tally);
    } finally {
      lock.release();
    }
    if (tally.toMove.length > 0) await this.moveProcessed(client, settings, tally.toMove);
    return tally.result();
  }

  private async importBatch(client: ImapFlow, group: readonly Listed[], tally: Tally): Promise<void> {
    const sources = new Map<number, Buffer>();
    for await (const fetched of client.fetch(group.map((message) => message.uid).join(','), { uid: true, source: true }, { uid: true })) {
      if (fetched.source) sources.set(fetched.uid, fetched.source);
    }
    const readied: Readied[] = [];
    for (const message of group) {
      const raw = sources.get(message.uid);
      if (!raw) {
        tally.refuse(message, { code: 'mail_malformed' });
        continue;
      }
      const recordId = message.recordId ?? mailRecordId(null, raw);
      if (!message.recordId) {
        const state = (await this.statesOf([recordId])).get(recordId) ?? 'new';
        if (state !== 'new') {
          tally.count(message, state);
          continue;
        }
      }
      if (tally.seen.has(recordId)) {
        tally.known += 1;
        continue;
      }
      const parsed = await parseMail(raw);
      // Issue 17: a bounce goes on the case of the letter it returns, never to triage.
      const bounce = parsed instanceof Error ? null : bounceIn(parsed);
      if (bounce) {
        const recorded = await this.bounces.record(recordId, raw, bounce, message.receivedAt);
        if (recorded === 'unmatched') tally.refuse(message, { code: 'mail_bounce_unmatched' });
        else if (recorded === 'known') tally.known += 1;
        else {
          tally.bounced += 1;
          tally.toMove.push(message.uid);
        }
        continue;
      }
      const reading = await readMessage(raw, parsed);
      if (!reading.ok) {
        tally.refuse(message, reading);
        continue;
      }
      tally.seen.add(recordId);
      readied.push({ recordId, raw, message: reading.message, receivedAt: message.receivedAt });
    }
    const stored = await this.storeAll(readied);
    tally.imported += stored.imported;
    tally.known += stored.known;
  }

  /** Which of these records this device holds: triaged (its letter is written) or known (imported, not triaged). */
  private async statesOf(recordIds: readonly string[]): Promise<Map<string, State>> {
    const states = new Map<string, State>();
    if (recordIds.length === 0) return states;
    for (const id of await this.files.existing(recordIds)) states.set(id, 'known');
    for (const id of (await this.letters.letters.findByIds([...recordIds]).exec()).keys()) states.set(id, 'triaged');
    return states;
  }

  private plan(changes: ChangeSet, { recordId, raw, message, receivedAt }: Readied): void {
    const createdAt = receivedAt.toISOString();
    this.files.plan(changes, { id: recordId, ownerId: MAILBOX_OWNER, name: 'message.eml', mimeType: MESSAGE_MIME_TYPE, data: raw, createdAt });
    message.attachments.forEach((attachment, index) => {
      this.files.plan(changes, {
        id: attachmentId(recordId, index),
        ownerId: recordId,
        name: attachment.name,
        mimeType: attachment.mimeType,
        data: attachment.data,
        createdAt,
      });
    });
  }

  /** A batch of messages, each with its attachments, in one transaction: all stored, or none. */
  private async storeAll(readied: readonly Readied[]): Promise<{ imported: number; known: number }> {
    if (readied.length === 0) return { imported: 0, known: 0 };
    const changes = new ChangeSet();
    for (const message of readied) this.plan(changes, message);
    await this.hooks.beforeStore?.(readied.map((message) => message.recordId));
    try {
      await changes.commit();
      return { imported: readied.length, known: 0 };
    } catch (error) {
      if (!isWriteConflict(error)) throw error;
    }
    // Another device's copy of one of them arrived by sync in the meantime: each on its own, that one is known.
    let imported = 0;
    for (const message of readied) if ((await this.store(message)) === 'imported') imported += 1;
    return { imported, known: readied.length - imported };
  }

  /** One message and its attachments in one transaction: all stored, or none. */
  private async store(message: Readied): Promise<'imported' | 'known'> {
    const changes = new ChangeSet();
    this.plan(changes, message);
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
