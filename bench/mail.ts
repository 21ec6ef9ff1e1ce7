/**
 * npm run bench:mail (issue 17) — importing N messages with attachments from a real Dovecot on
 * loopback. Times Plaint's import (`mail.fetch` into a fresh profile: list, fetch each message,
 * read and check it with mailparser, store it and its attachments in one transaction each)
 * against a bare imapflow fetch of the same messages' full sources over one connection, side by
 * side in one run (alternating which goes first), and prints the ratio. Writes bench-results/mail.json.
 *
 * Options: --messages N (default 1000), --runs N (default 3), --profile FILE (a CPU profile of
 * Plaint's first import, for Chrome DevTools; profile at 100–200 messages). Needs Dovecot (see the README).
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ImapFlow } from 'imapflow';
import { bulkyPng, PDF } from '../src/main/files/test-support/scan-files';
import { seedAdministrator } from '../src/main/identity/seed-account';
import { dovecotInstalled, startDovecot, type DovecotServer } from '../src/main/mail/test-support/dovecot';
import { composeMessage } from '../src/main/mail/test-support/messages';
import { startMainServices } from '../src/main/services';
import { median, printTable, round, timed, writeResults } from './lib/report';

const { values } = parseArgs({
  options: { messages: { type: 'string', default: '1000' }, runs: { type: 'string', default: '3' }, profile: { type: 'string' } },
});
const MESSAGES = Number(values.messages);
const RUNS = Number(values.runs);
if (!Number.isInteger(MESSAGES) || MESSAGES < 1 || !Number.isInteger(RUNS) || RUNS < 1) throw new Error('--messages and --runs take whole numbers from 1');
if (!dovecotInstalled()) throw new Error('Dovecot is not installed (apt-get install dovecot-imapd, or set PLAINT_DOVECOT)');

function client(mailbox: DovecotServer): ImapFlow {
  return new ImapFlow({ host: mailbox.host, port: mailbox.port, secure: false, auth: { user: mailbox.user, pass: mailbox.password }, logger: false });
}

/** N complaints, each with a photo and a PDF, appended over one connection. */
async function fill(mailbox: DovecotServer): Promise<number> {
  const imap = client(mailbox);
  await imap.connect();
  let bytes = 0;
  try {
    for (let index = 0; index < MESSAGES; index += 1) {
      const raw = await composeMessage({
        messageId: `<bench-${index}@example.org>`,
        subject: `Complaint ${index}: leaking bottle`,
        text: `Name: Customer ${index}\nEmail: customer${index}@example.org\nOrder: ${5000 + index}\nMessage: The bottle leaked.`,
        attachments: [
          { filename: 'photo.png', content: bulkyPng(40_000) },
          { filename: 'receipt.pdf', content: PDF },
        ],
      });
      bytes += raw.length;
      await imap.append('INBOX', raw, [], new Date(Date.UTC(2026, 10, 24, 9, 0, index % 60)));
    }
  } finally {
    await imap.logout();
  }
  return bytes;
}

/** The floor: the same messages' sources fetched with imapflow and nothing done with them. */
async function bareFetch(mailbox: DovecotServer): Promise<number> {
  const imap = client(mailbox);
  await imap.connect();
  let count = 0;
  try {
    const lock = await imap.getMailboxLock('INBOX');
    try {
      for await (const message of imap.fetch('1:*', { uid: true, envelope: true, internalDate: true, size: true, source: true }))
        if (message.source) count += 1;
    } finally {
      lock.release();
    }
  } finally {
    await imap.logout();
  }
  return count;
}

/** Plaint's import into a fresh profile (its start and set-up are not timed). */
/** Runs `operation` under the V8 profiler and writes the profile to `file` (after it, so not in its time). */
async function profiled<T>(file: string, operation: () => Promise<T>): Promise<T> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await operation();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

async function plaintImport(mailbox: DovecotServer, profile?: string): Promise<{ ms: number; imported: number }> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-bench-mail-'));
  const services = await startMainServices({ dataDirectory: directory, host: 'harness', appName: 'Plaint', version: 'bench' });
  try {
    await seedAdministrator(services);
    // No periodic check during the measurement: the import timed is the one asked for.
    services.mailWatch?.stop();
    const configured = await services.dispatch(
      'mail.configure',
      {
        enabled: true,
        imap: { host: mailbox.host, port: mailbox.port, security: 'none', username: mailbox.user },
        smtp: { host: mailbox.host, port: 2525, security: 'none', from: 'complaints@example.com' },
        password: mailbox.password,
      },
      { host: 'harness' },
    );
    if (!configured.ok) throw new Error(`mail.configure failed: ${JSON.stringify(configured.error)}`);
    const fetch = () => services.dispatch('mail.fetch', {}, { host: 'harness' });
    const run = profile ? await profiled(profile, () => timed(fetch)) : await timed(fetch);
    if (!run.value.ok) throw new Error(`mail.fetch failed: ${JSON.stringify(run.value.error)}`);
    const result = run.value.result as { imported: number };
    return { ms: run.ms, imported: result.imported };
  } finally {
    await services.close();
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

const mailbox = await startDovecot();
try {
  process.stdout.write(`Appending ${MESSAGES} messages with attachments to Dovecot…\n`);
  const bytes = await fill(mailbox);
  const plaint: number[] = [];
  const bare: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const measurePlaint = async () => {
      const measured = await plaintImport(mailbox, run === 0 ? values.profile : undefined);
      if (measured.imported !== MESSAGES) throw new Error(`Plaint imported ${measured.imported} of ${MESSAGES}`);
      plaint.push(measured.ms);
    };
    const measureBare = async () => {
      const measured = await timed(() => bareFetch(mailbox));
      if (measured.value !== MESSAGES) throw new Error(`imapflow fetched ${measured.value} of ${MESSAGES}`);
      bare.push(measured.ms);
    };
    if (run % 2 === 0) {
      await measurePlaint();
      await measureBare();
    } else {
      await measureBare();
      await measurePlaint();
    }
  }
  const rows = [
    { operation: `Plaint import (mail.fetch) of ${MESSAGES} messages`, medianMs: round(median(plaint)), perMessageMs: round(median(plaint) / MESSAGES, 3) },
    { operation: `bare imapflow fetch of the same ${MESSAGES} sources`, medianMs: round(median(bare)), perMessageMs: round(median(bare) / MESSAGES, 3) },
  ];
  printTable(
    `E-mail import, ${MESSAGES} messages (${round(bytes / 1_048_576)} MB) with 2 attachments each, ${RUNS} runs`,
    ['operation', 'median ms', 'ms per message'],
    rows.map((row) => [row.operation, row.medianMs, row.perMessageMs]),
  );
  const ratio = round(median(plaint) / median(bare));
  console.log(`Plaint / bare imapflow ratio: ${ratio}`);
  console.log(
    `Wrote ${writeResults('mail', { messages: MESSAGES, megabytes: round(bytes / 1_048_576), runs: RUNS, profiledFirstRun: values.profile !== undefined, operations: rows, plaintToImapflowRatio: ratio, plaintMs: plaint.map((ms) => round(ms)), imapflowMs: bare.map((ms) => round(ms)) })}`,
  );
} finally {
  await mailbox.stop();
}
