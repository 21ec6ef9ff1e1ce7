/**
 * E-mail acceptance (issue 17), against a real Dovecot on loopback: an administrator sets up the
 * team mailbox in Settings → E-mail (plain IMAP is refused for a remote server, allowed for this
 * computer); in the post room's incoming-e-mail register the mailbox is checked, a complaint with
 * a scan attached is triaged by keyboard alone into a case with channel e-mail and the server's
 * receipt time (P-3.2), and the message is moved to the processed folder. The acknowledgement
 * letter is then sent by e-mail through a real SMTP server, with [Ref …] in its subject, and
 * sending it acknowledges the case (P-3.2).
 */
import { PDF } from '../src/main/files/test-support/scan-files';
import { dovecotInstalled, startDovecot } from '../src/main/mail/test-support/dovecot';
import { composeMessage } from '../src/main/mail/test-support/messages';
import { startSmtpRelay } from '../src/main/mail/test-support/smtp-relay';
import { api } from './support/api';
import { expect, test } from './support/fixtures';

test('an administrator sets up the mailbox; an e-mail with a scan is triaged by keyboard into a case from its receipt time', async ({ plaint }) => {
  test.skip(!dovecotInstalled(), 'Dovecot is not installed (.ci/run installs dovecot-imapd)');
  test.setTimeout(180_000);
  const { page } = plaint;
  const mailbox = await startDovecot();
  const relay = await startSmtpRelay(mailbox, { sentFolder: 'Sent' });
  try {
    const receivedAt = new Date(Date.now() - 3_600_000);
    receivedAt.setMilliseconds(0);
    await mailbox.append(
      await composeMessage({
        messageId: '<e2e-complaint@example.org>',
        subject: 'Charged twice for order 5521',
        text: 'My card was charged twice.',
        attachments: [{ filename: 'statement.pdf', content: PDF }],
      }),
      { receivedAt },
    );

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-mail').click();
    await page.getByTestId('mail-imap-host').fill('imap.example.com');
    await page.getByTestId('mail-imap-port').fill('143');
    await page.getByTestId('mail-imap-security').selectOption('none');
    await page.getByTestId('mail-username').fill(mailbox.user);
    await page.getByTestId('mail-password').fill(mailbox.password);
    await page.getByTestId('mail-smtp-host').fill('127.0.0.1');
    await page.getByTestId('mail-smtp-port').fill(String(relay.port));
    await page.getByTestId('mail-smtp-security').selectOption('none');
    await page.getByTestId('mail-from').fill('complaints@example.com');
    await page.getByTestId('mail-save').click();
    await expect(page.getByText('Use TLS for the mail server')).toBeVisible();
    await page.getByTestId('mail-imap-host').fill('127.0.0.1');
    await page.getByTestId('mail-imap-port').fill(String(mailbox.port));
    await page.getByTestId('mail-save').click();
    await expect(page.getByTestId('mail-password')).toHaveAttribute('placeholder', /Saved/);

    await page.getByTestId('nav-postRoom').click();
    await page.getByTestId('post-tab-email').click();
    await page.getByTestId('mail-fetch').click();
    await expect(page.getByTestId('mail-fetch-result')).toContainText('Imported 1');
    await expect(page.getByTestId('mail-subject')).toHaveText('Charged twice for order 5521');
    await expect(page.getByTestId('mail-attachments')).toContainText('statement.pdf');
    // Keyboard only: the form starts on "What the e-mail is" (a new complaint); Ctrl+Enter triages.
    await expect(page.getByTestId('mail-kind')).toBeFocused();
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('mail-empty')).toBeVisible();

    const [row] = await api<{ triage: { caseId: string } | null }[]>(page, 'mail.list', { include: 'all' });
    const detail = await api<{ case: { channel: string; receivedAt: string; complainant: { email: string } } }>(page, 'cases.get', {
      caseId: row!.triage!.caseId,
    });
    expect(detail.case).toMatchObject({ channel: 'email', receivedAt: receivedAt.toISOString(), complainant: { email: 'margaret@example.org' } });

    await page.getByTestId('mail-fetch').click();
    await expect(page.getByTestId('mail-fetch-result')).toContainText('moved 1');
    expect(await mailbox.messageIds('Plaint/Logged')).toEqual(['<e2e-complaint@example.org>']);

    // The acknowledgement goes back by e-mail; sending it acknowledges the case (P-3.2).
    await page.evaluate((caseId) => (window.location.hash = `#/case/${caseId}`), row!.triage!.caseId);
    await page.getByTestId('generate-letter').click();
    await page.getByTestId('letter-composer').getByTestId('finalise-letter').click();
    await page.getByTestId('send-letter-email').click();
    // Issue 17: once sent, the letter reads as sent by e-mail, not as waiting to be posted.
    await expect(page.getByTestId('letter-dispatch')).toContainText('Sent by e-mail to margaret@example.org');
    await expect(page.getByTestId('send-letter-email')).toHaveCount(0);
    await expect(page.getByTestId('case-status')).toHaveAttribute('data-status', 'acknowledged');
    expect(relay.accepted()).toBe(1);
    const inbox = await mailbox.messageIds('INBOX');
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatch(/^<plaint-.+@example\.com>$/);
  } finally {
    await relay.stop();
    await mailbox.stop();
  }
});
