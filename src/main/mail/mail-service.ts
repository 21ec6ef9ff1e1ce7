/**
 * E-mail (issue 17): the team mailbox's settings on this device, fetching it, the
 * incoming-e-mail register, and the outbox of letters sent by e-mail. One fetch runs at a time; a second asks waits for the first's answer.
 */
import type { z } from 'zod';
import type { RxDatabase } from 'rxdb';
import type { IncomingMail, MailImportResult, MailSettingsView, mailSettingsInput, OutboxEntry, TriageMailInput } from '../../shared/domain/mail';
import type { Viewer } from '../../shared/identity/viewer';
import type { Clock } from '../domain/clock';
import type { DomainServices } from '../domain/domain-services';
import type { FileStore } from '../files/file-store';
import type { LetterCollections } from '../post-room/letters-collection';
import type { MailConfigStore } from './mail-config';
import { BounceRecorder } from './bounce-record';
import { MailRegister } from './mail-register';
import { MailboxImport, type ImportHooks } from './mailbox-import';
import { MailOutbox, type OutboxHooks } from './outbox';

/** Test hooks: a crash between sending and recording, or before an import's batch is stored. */
export type MailHooks = OutboxHooks & ImportHooks;

export class MailService {
  private readonly mailbox: MailboxImport;
  private readonly register: MailRegister;
  private readonly letterOutbox: MailOutbox;
  private running: Promise<MailImportResult> | null = null;

  constructor(
    private readonly config: MailConfigStore,
    domain: DomainServices,
    letters: LetterCollections,
    files: FileStore,
    clock: Clock,
    database: RxDatabase,
    hooks: MailHooks = {},
  ) {
    this.mailbox = new MailboxImport(files, letters, new BounceRecorder(domain, letters, files, clock), hooks);
    this.register = new MailRegister(domain, letters, files, clock);
    this.letterOutbox = new MailOutbox(database, config, domain, letters, files, clock, hooks);
  }

  settings(): Promise<MailSettingsView | null> {
    return this.config.view();
  }

  async configure(input: z.output<typeof mailSettingsInput>): Promise<MailSettingsView | null> {
    await this.config.save(input);
    return this.config.view();
  }

  /** Imports what is new and moves what was triaged; a wrong password or an unreachable server changes nothing. */
  fetch(): Promise<MailImportResult> {
    this.running ??= (async () => {
      try {
        return await this.mailbox.run(await this.config.config(), await this.config.password());
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** The periodic check: nothing until the mailbox is set up and on; then fetch, and send what is queued. */
  async checkMailbox(): Promise<void> {
    const config = await this.config.config();
    if (!config || !config.enabled) return;
    await this.fetch();
    await this.letterOutbox.drain();
  }

  list(include: 'untriaged' | 'all', viewer: Viewer | null | undefined): Promise<IncomingMail[]> {
    return this.register.list(include, viewer);
  }

  triage(input: TriageMailInput, viewer: Viewer | null | undefined): Promise<IncomingMail> {
    return this.register.triage(input, viewer);
  }

  /** Queues the letter and sends what is queued; the entry as it stands after the attempt. */
  async send(letterId: string, viewer: Viewer | null | undefined): Promise<OutboxEntry> {
    const queued = await this.letterOutbox.queue(letterId, viewer);
    const after = await this.letterOutbox.drain();
    return after.find((entry) => entry.letterId === letterId) ?? queued;
  }

  outbox(): Promise<OutboxEntry[]> {
    return this.letterOutbox.list();
  }

  sendQueued(): Promise<OutboxEntry[]> {
    return this.letterOutbox.drain();
  }
}
