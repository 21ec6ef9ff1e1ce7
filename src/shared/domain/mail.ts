/**
 * E-mail (issue 17, P-3.1, P-3.2, P-4.1, P-4.2): the team mailbox's settings, the incoming-e-mail
 * register's rows, and how a message is triaged. Shared by the main process and the renderer.
 */
import { z } from 'zod';
import { INCOMING_KINDS, type IncomingKind, type LetterTemplateId } from './letters';
import { issue, requiredText, text } from './fields';
import { isLoopbackHost } from './sync';
import type { IssueCode, IssueParams } from './issue-codes';
import type { WebFormValues } from './web-form';

/** Where the team's processed messages go on the server (issue 17). */
export const DEFAULT_PROCESSED_FOLDER = 'Plaint/Logged';

const host = requiredText(253).refine((value) => /^[A-Za-z0-9.\-:[\]]+$/.test(value), {
  message: 'A host name or address, e.g. imap.example.com',
  params: { code: 'mail_host' },
});
const port = z.number().int('A whole number').min(1, 'A port from 1 to 65535').max(65_535, 'A port from 1 to 65535');
const folder = requiredText(200).refine((value) => !/[\r\n\0"]/.test(value), {
  message: 'A folder name without quotes or line breaks',
  params: { code: 'mail_folder' },
});

/**
 * TLS: implicit (`tls`, IMAPS 993 / SMTPS 465) or upgraded on connect (`starttls`); `none` only to
 * this computer, because the mailbox password and complainants' mail cross the network
 * (P-7.1, P-7.2), as the sync server's address is refused without https.
 */
export const MAIL_SECURITY = ['tls', 'starttls', 'none'] as const;
export type MailSecurity = (typeof MAIL_SECURITY)[number];

export const mailSettingsInput = z
  .object({
    enabled: z.boolean(),
    imap: z
      .object({
        host,
        port,
        security: z.enum(MAIL_SECURITY),
        username: requiredText(200),
        inbox: folder.default('INBOX'),
        processedFolder: folder.default(DEFAULT_PROCESSED_FOLDER),
        sentFolder: folder.default('Sent'),
      })
      .strict(),
    smtp: z
      .object({
        host,
        port,
        security: z.enum(MAIL_SECURITY),
        from: z.email({ error: 'An e-mail address, e.g. complaints@example.com' }),
      })
      .strict(),
    /** Absent: keep the saved password. Empty: forget it. */
    password: z.string().max(1_000).optional(),
  })
  .strict()
  .superRefine((value, context) => {
    for (const server of ['imap', 'smtp'] as const) {
      if (value[server].security === 'none' && !isLoopbackHost(value[server].host)) {
        issue(
          context,
          `${server}.security`,
          'insecure_mail_server',
          'Use TLS for the mail server: without it, only a server on this computer (localhost, 127.0.0.1, ::1) is allowed',
        );
      }
    }
  });

export type MailSettingsInput = z.input<typeof mailSettingsInput>;
export type MailSettings = Omit<z.output<typeof mailSettingsInput>, 'password'>;

export interface MailSettingsView extends MailSettings {
  readonly hasPassword: boolean;
  /** Where the password is kept: the operating system's keychain (Electron safeStorage), or memory only. */
  readonly passwordStorage: 'os-keychain' | 'memory';
}

/** A message the import left in the mailbox, and why (nothing of it was stored). */
export interface RefusedMessage {
  readonly uid: number;
  readonly subject: string;
  readonly from: string;
  readonly code: IssueCode;
  readonly params?: IssueParams;
}

export interface MailImportResult {
  readonly imported: number;
  /** Already in Plaint (imported here or by another device). */
  readonly known: number;
  /** Issue 17: reports that an e-mail Plaint sent was not delivered, recorded on their cases (and moved). */
  readonly bounced: number;
  readonly refused: readonly RefusedMessage[];
  /** Triaged messages moved to the processed folder in this run. */
  readonly moved: number;
}

export interface IncomingMailAttachment {
  readonly id: string;
  readonly name: string;
  readonly mimeType: string;
  readonly size: number;
}

/** A row of the incoming-e-mail register. */
export interface IncomingMail {
  readonly id: string;
  readonly messageId: string;
  readonly from: { readonly name: string; readonly address: string };
  readonly subject: string;
  /** When the team's mail server received it (IMAP INTERNALDATE): the complaint's receipt time (P-3.2). */
  readonly receivedAt: string;
  readonly text: string;
  readonly attachments: readonly IncomingMailAttachment[];
  /** A case reference (check character valid) found in the subject or body, with the case it names here. */
  readonly match: { readonly reference: string; readonly caseId: string } | null;
  /** The fields of a website form submission (`Name:`, `Email:` … lines), or null for an ordinary e-mail. */
  readonly form: WebFormValues | null;
  /** Null until triaged. */
  readonly triage: { readonly kind: IncomingKind; readonly caseId: string | null; readonly caseReference: string | null; readonly routedTo: string } | null;
}

export const listIncomingMailInput = z.object({ include: z.enum(['untriaged', 'all']).default('untriaged') }).strict();

export const triageMailInput = z
  .object({
    mailId: requiredText(80),
    kind: z.enum(INCOMING_KINDS),
    /** The case it is about (correspondence, escalation request). */
    reference: text(40).default(''),
    /** New complaint: the complaint type. */
    type: text(40).default(''),
    /** New complaint: the complainant's name (from the sender, editable). */
    complainantName: text(200).default(''),
    summary: text(2_000).default(''),
    /** Not a complaint: where it was sent on to. */
    routedTo: text(200).default(''),
    note: text(2_000).default(''),
  })
  .strict()
  .superRefine((value, context) => {
    if ((value.kind === 'correspondence' || value.kind === 'escalation-request') && value.reference === '')
      issue(context, 'reference', 'reference_needed', 'Give the case reference the e-mail is about');
    if (value.kind === 'new-complaint' && value.type === '') issue(context, 'type', 'type_needed', 'Choose the complaint type');
    if (value.kind === 'not-a-complaint' && value.routedTo === '') issue(context, 'routedTo', 'routed_to_needed', 'Say where the e-mail was sent on to');
  });

export type TriageMailInput = z.output<typeof triageMailInput>;

export const OUTBOX_STATES = ['queued', 'sending', 'sent', 'refused'] as const;

/** An e-mail in this device's outbox (issue 17): a finalised letter on its way to the complainant. */
export interface OutboxEntry {
  readonly letterId: string;
  readonly caseId: string;
  readonly reference: string;
  readonly template: LetterTemplateId;
  readonly to: string;
  /** Carries `[Ref <reference>]`, so replies match their case. */
  readonly subject: string;
  /** Stable: the same on every attempt, looked up in the Sent folder before sending again. */
  readonly messageId: string;
  readonly state: (typeof OUTBOX_STATES)[number];
  readonly queuedAt: string;
  /** When the last attempt started (an entry left "sending" may have gone out then). */
  readonly sendingSince?: string;
  readonly sentAt: string | null;
  /** Why the last attempt failed: the server away, the login refused, the recipient refused. */
  readonly problem: IssueCode | null;
}

export const sendLetterInput = z.object({ letterId: requiredText(64) }).strict();

export const mailAttachmentInput = z.object({ fileId: requiredText(80) }).strict();
