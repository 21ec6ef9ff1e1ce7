/**
 * Letters out by e-mail (issue 17, P-3.2, P-4.3): a finalised letter is queued for its case's
 * complainant with its text as the body and its PDF attached, and sent by SMTP (nodemailer) when
 * the server can be reached. The queue is this device's (an RxDB local document), so it survives
 * a restart and works offline.
 *
 * Exactly once:
 * - each e-mail has a stable Message-ID (`<plaint-<letter id>@<sending domain>>`) and is composed
 *   once, byte for byte the same on every attempt;
 * - it is marked "sending" before SMTP is spoken to. An entry found "sending" (a crash or an
 *   outage between sending and recording) is looked up in the Sent folder through IMAP by its
 *   Message-ID before anything is sent again: found, it is recorded as sent and not sent twice;
 * - after sending, a copy is put in the Sent folder unless the server put one there itself.
 *
 * Sending an acknowledgement (or an escalation acknowledgement) acknowledges the case at the time
 * it was sent (P-3.2, P-4.3), as posting the letter does, unless it was acknowledged already.
 * The reference goes in the subject, `[Ref 7KQ2-00A3-M]`, so replies match their case.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { ImapFlow } from 'imapflow';
import type { RxDatabase } from 'rxdb';
import { DomainError, fieldError, notFound } from '../../shared/domain/domain-error';
import type { LetterPosting, LetterTemplateId } from '../../shared/domain/letters';
import { officeDay } from '../../shared/sla';
import type { MailSettings, OutboxEntry } from '../../shared/domain/mail';
import type { IssueCode } from '../../shared/domain/issue-codes';
import { isAcknowledgementKind } from '../../shared/domain/records';
import type { Viewer } from '../../shared/identity/viewer';
import { planAcknowledgementReached } from '../domain/acknowledgement-delivery';
import { assertLetterDatesHold } from '../post-room/letter-promises';
import { ChangeSet } from '../database/change-set';
import type { Clock } from '../domain/clock';
import type { DomainServices } from '../domain/domain-services';
import type { FileStore } from '../files/file-store';
import type { LetterCollections, LetterDocument } from '../post-room/letters-collection';
import { closeImap, connectImap, mailProblem } from './imap-connection';
import type { MailConfigStore } from './mail-config';

const OUTBOX_DOC = 'mail-outbox';

const SUBJECTS: Readonly<Record<LetterTemplateId, Readonly<Record<'en-GB' | 'lv', string>>>> = {
  acknowledgement: { 'en-GB': 'We have received your complaint', lv: 'Esam saņēmuši jūsu sūdzību' },
  'extension-notice': { 'en-GB': 'More time is needed for your complaint', lv: 'Jūsu sūdzības izskatīšanai vajadzīgs vairāk laika' },
  'stage1-resolution': { 'en-GB': 'Our response to your complaint', lv: 'Mūsu atbilde uz jūsu sūdzību' },
  'escalation-acknowledgement': { 'en-GB': 'We have received your request for a review', lv: 'Esam saņēmuši jūsu lūgumu pārskatīt sūdzību' },
  'stage2-final-response': { 'en-GB': 'Our final response to your complaint', lv: 'Mūsu galīgā atbilde uz jūsu sūdzību' },
};

/** Test seams: what happens between steps (a crash between sending and recording). */
export interface OutboxHooks {
  readonly afterSmtp?: (entry: OutboxEntry) => Promise<void>;
}

type StoredEntry = OutboxEntry & { readonly raw: string };

export function referenceSubject(reference: string, title: string): string {
  return `[Ref ${reference}] ${title}`;
}

function smtpFailure(error: unknown): { code: IssueCode; rejected: boolean; detail: string } {
  const failure = typeof error === 'object' && error !== null ? (error as { code?: string; responseCode?: number; message?: string; rejected?: unknown }) : {};
  if (
    failure.code === 'EENVELOPE' ||
    (failure.responseCode !== undefined && failure.responseCode >= 500 && failure.responseCode < 600 && failure.code !== 'EAUTH')
  ) {
    return { code: 'mail_recipient_refused', rejected: true, detail: failure.message ?? 'refused' };
  }
  if (failure.code === 'EAUTH') return { code: 'mail_login_failed', rejected: false, detail: failure.message ?? 'authentication' };
  return { code: 'mail_unreachable', rejected: false, detail: failure.code ?? failure.message ?? 'no answer' };
}

export class MailOutbox {
  private draining: Promise<OutboxEntry[]> | null = null;

  constructor(
    private readonly database: RxDatabase,
    private readonly config: MailConfigStore,
    private readonly domain: DomainServices,
    private readonly letters: LetterCollections,
    private readonly files: FileStore,
    private readonly clock: Clock,
    private readonly hooks: OutboxHooks = {},
  ) {}

  private async stored(): Promise<StoredEntry[]> {
    const found = await this.database.getLocal<{ entries: StoredEntry[] }>(OUTBOX_DOC);
    return found ? [...found.toJSON().data.entries] : [];
  }

  private async save(entries: readonly StoredEntry[]): Promise<void> {
    await this.database.upsertLocal<{ entries: StoredEntry[] }>(OUTBOX_DOC, { entries: [...entries] });
  }

  private async update(letterId: string, change: (entry: StoredEntry) => StoredEntry): Promise<StoredEntry> {
    const entries = await this.stored();
    const index = entries.findIndex((entry) => entry.letterId === letterId);
    const entry = entries[index];
    if (!entry) throw new Error(`No outbox entry for letter ${letterId}`);
    const changed = change(entry);
    entries[index] = changed;
    await this.save(entries);
    return changed;
  }

  async list(): Promise<OutboxEntry[]> {
    return (await this.stored()).map(({ raw: _raw, ...entry }) => entry);
  }

  /** Queues a finalised letter for its complainant's e-mail address; queuing it again changes nothing. */
  async queue(letterId: string, viewer: Viewer | null | undefined): Promise<OutboxEntry> {
    const existing = (await this.stored()).find((entry) => entry.letterId === letterId);
    if (existing) return (await this.list()).find((entry) => entry.letterId === letterId) ?? existing;
    const config = await this.config.config();
    if (!config || !config.enabled) throw mailProblem('mail_not_configured', 'The team mailbox is not set up (Settings → E-mail)');
    const letter = (await this.letters.letters.findOne(letterId).exec())?.toJSON();
    if (!letter || letter.voided) throw notFound('Letter', letterId, 'letterId');
    if (letter.direction !== 'out' || !letter.finalisedAt || !letter.caseId || !letter.template)
      throw fieldError('letterId', 'Only a finalised outgoing letter is sent', 'not_outgoing');
    if (letter.posting?.email) throw fieldError('letterId', `Already sent by e-mail to ${letter.posting.email.to}`, 'already_emailed');
    if (letter.posting) throw fieldError('letterId', `Already logged as posted on ${letter.posting.postedOn}`, 'already_posted');
    await this.domain.queries.assertCanOpen(letter.caseId, viewer);
    // Issue 18 §2: a letter that promises a date sending it now would not hold is not queued.
    await assertLetterDatesHold(this.domain, letter, this.clock.now());
    const { case: record } = await this.domain.queries.get(letter.caseId);
    if (record.complainant.email === '') throw fieldError('letterId', 'The complainant has no e-mail address', 'email_needed');
    const pdfRef = letter.files[0];
    const pdf = pdfRef ? await this.files.get(pdfRef.id) : null;
    if (!pdfRef || !pdf || pdf.state !== 'ready')
      throw new DomainError('UNAVAILABLE', 'The letter PDF is not here yet', [
        { path: 'letterId', code: 'file_arriving', message: 'The letter PDF is not here yet' },
      ]);
    const domain = config.smtp.from.split('@')[1] ?? 'plaint.invalid';
    const messageId = `<plaint-${letter.id}@${domain}>`;
    const subject = referenceSubject(record.reference, SUBJECTS[letter.template][letter.language ?? 'en-GB']);
    const raw = await new MailComposer({
      messageId,
      from: config.smtp.from,
      to: record.complainant.email,
      subject,
      text: letter.text,
      date: this.clock.now(),
      attachments: [{ filename: pdfRef.name, content: pdf.data, contentType: 'application/pdf' }],
    })
      .compile()
      .build();
    const entry: StoredEntry = {
      letterId: letter.id,
      caseId: record.id,
      reference: record.reference,
      template: letter.template,
      to: record.complainant.email,
      subject,
      messageId,
      state: 'queued',
      queuedAt: this.clock.now().toISOString(),
      sentAt: null,
      problem: null,
      raw: raw.toString('base64'),
    };
    await this.save([...(await this.stored()), entry]);
    const { raw: _raw, ...shown } = entry;
    return shown;
  }

  /** Sends what is queued, in order; stops at the first outage (the rest waits for the next try). */
  drain(): Promise<OutboxEntry[]> {
    this.draining ??= (async () => {
      try {
        const config = await this.config.config();
        if (config && config.enabled) await this.sendAll(config, await this.config.password());
        return await this.list();
      } finally {
        this.draining = null;
      }
    })();
    return this.draining;
  }

  private async sendAll(config: MailSettings, password: string | null): Promise<void> {
    const transport = nodemailer.createTransport({
      host: config.smtp.host,
      port: config.smtp.port,
      secure: config.smtp.security === 'tls',
      requireTLS: config.smtp.security === 'starttls',
      ignoreTLS: config.smtp.security === 'none',
      ...(password ? { auth: { user: config.imap.username, pass: password } } : {}),
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 120_000,
    });
    try {
      for (const entry of await this.stored()) {
        if (entry.state === 'sent' || entry.state === 'refused') continue;
        const carryOn = await this.sendOne(transport, config, password, entry);
        if (!carryOn) break;
      }
    } finally {
      transport.close();
    }
  }

  /** One entry; false when the server is away (the rest of the queue waits). */
  private async sendOne(transport: Transporter, config: MailSettings, password: string | null, entry: StoredEntry): Promise<boolean> {
    const raw = Buffer.from(entry.raw, 'base64');
    if (entry.state === 'sending') {
      // It may have gone out before a crash or an outage: the Sent folder says (never send twice).
      const inSent = await this.inSentFolder(config, password, entry.messageId).catch(() => null);
      if (inSent === null) return false;
      if (inSent) {
        await this.record(entry, new Date(entry.sendingSince ?? this.clock.now().toISOString()));
        return true;
      }
    }
    // Issue 18 §2: a letter queued on an earlier day (an outage) may by now promise a date its
    // sending would not hold; it waits, not sent, with the reason, for the letter to be drafted again.
    const letter = (await this.letters.letters.findOne(entry.letterId).exec())?.toJSON();
    const stale = letter
      ? await assertLetterDatesHold(this.domain, letter, this.clock.now()).then(
          () => null,
          (error: unknown) => error,
        )
      : null;
    if (stale) {
      await this.update(entry.letterId, (current) => ({ ...current, state: 'queued', problem: 'letter_date_moved' }));
      return true;
    }
    const sendingSince = this.clock.now().toISOString();
    await this.update(entry.letterId, (current) => ({ ...current, state: 'sending', sendingSince }));
    try {
      await transport.sendMail({ envelope: { from: config.smtp.from, to: [entry.to] }, raw });
    } catch (error) {
      const failure = smtpFailure(error);
      await this.update(entry.letterId, (current) => ({ ...current, state: failure.rejected ? 'refused' : 'queued', problem: failure.code }));
      if (failure.rejected) await this.recordRefusal(entry, failure.detail);
      return !(failure.code === 'mail_unreachable' || failure.code === 'mail_login_failed');
    }
    await this.hooks.afterSmtp?.(entry);
    const sentAt = this.clock.now();
    await this.copyToSent(config, password, entry.messageId, raw).catch(() => undefined);
    await this.record(entry, sentAt);
    return true;
  }

  private async withImap<T>(config: MailSettings, password: string | null, work: (client: ImapFlow) => Promise<T>): Promise<T> {
    const client = await connectImap(config, password);
    try {
      return await work(client);
    } finally {
      await closeImap(client);
    }
  }

  private async inSentFolder(config: MailSettings, password: string | null, messageId: string): Promise<boolean> {
    return this.withImap(config, password, async (client) => {
      const folders = await client.list();
      if (!folders.some((folder) => folder.path === config.imap.sentFolder)) return false;
      const lock = await client.getMailboxLock(config.imap.sentFolder);
      try {
        const found = await client.search({ header: { 'message-id': messageId } }, { uid: true });
        return Array.isArray(found) && found.length > 0;
      } finally {
        lock.release();
      }
    });
  }

  /** Servers that keep a copy of what they send (Gmail, Exchange) already did; others get one. */
  private async copyToSent(config: MailSettings, password: string | null, messageId: string, raw: Buffer): Promise<void> {
    if (await this.inSentFolder(config, password, messageId)) return;
    await this.withImap(config, password, async (client) => {
      const folders = await client.list();
      if (!folders.some((folder) => folder.path === config.imap.sentFolder)) await client.mailboxCreate(config.imap.sentFolder);
      await client.append(config.imap.sentFolder, raw, ['\\Seen']);
    });
  }

  /**
   * One transaction: the letter marked as sent by e-mail (to whom, when: it is no longer awaiting
   * posting, on any device), the e-mail on the case's timeline, and for an acknowledgement the
   * acknowledgement at the time sent (P-3.2, P-4.3).
   */
  private async record(entry: StoredEntry, sentAt: Date): Promise<void> {
    const at = sentAt.toISOString();
    const changes = new ChangeSet();
    const letter = await this.letters.letters.findOne(entry.letterId).exec();
    if (letter && !letter.posting) {
      const postedOn = officeDay(await this.domain.settings.calendar(), sentAt);
      const posting: LetterPosting = {
        postedOn,
        postClass: 'email',
        trackingNumber: '',
        loggedAt: at,
        loggedBy: await this.domain.identity.actor(),
        email: { to: entry.to, messageId: entry.messageId, sentAt: at },
      };
      changes.update(this.letters.letters, letter, { ...(letter.toMutableJSON() as LetterDocument), posting, postedOn });
    }
    const generated = { key: 'emailSent' as const, params: { template: entry.template, to: entry.to } };
    changes.include(
      await this.domain.cases.planCommunication(
        { caseId: entry.caseId, at, direction: 'out', channel: 'email', summary: `E-mail sent to ${entry.to}: ${entry.subject}` },
        { letterId: entry.letterId, generated },
      ),
    );
    const action = entry.template === 'acknowledgement' ? 'acknowledge' : entry.template === 'escalation-acknowledgement' ? 'acknowledgeEscalation' : null;
    if (action && (await this.domain.queries.get(entry.caseId)).availableActions.includes(action)) {
      changes.include((await this.domain.cases.planAct({ caseId: entry.caseId, action: { type: action, at, channel: 'email' } })).changes);
    } else if (isAcknowledgementKind(entry.template)) {
      // Issue 17: after an acknowledgement e-mail bounced (P-3.2, P-4.3), another one that went reaches the customer.
      const reached = await planAcknowledgementReached(this.domain, entry.caseId, entry.template, at, 'email');
      if (reached) changes.include(reached);
    }
    await changes.commit();
    await this.update(entry.letterId, (current) => ({ ...current, state: 'sent', sentAt: at, problem: null }));
  }

  /**
   * A rejected recipient is recorded on the case as a bounce is (bounce-record.ts): the timeline
   * says the e-mail was refused, marked as arrived, so the case's assignee is told in-app and sees
   * the case unread, even when they sent it themselves.
   */
  private async recordRefusal(entry: StoredEntry, detail: string): Promise<void> {
    const reason = detail.slice(0, 200);
    const generated = { key: 'emailRefused' as const, params: { template: entry.template, to: entry.to, reason } };
    const summary = `The e-mail "${entry.subject}" to ${entry.to} was refused by the mail server: ${reason}`.slice(0, 300);
    await (
      await this.domain.cases.planCommunication(
        { caseId: entry.caseId, at: this.clock.now().toISOString(), direction: 'out', channel: 'email', summary },
        { generated, arrived: { closedCase: false } },
      )
    ).commit();
  }
}
