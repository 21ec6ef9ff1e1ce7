/**
 * The team mailbox is watched (issue 17): every few minutes, once it is set up, new messages are
 * imported and triaged ones moved, without anyone pressing a button; an unreachable server is
 * tried again at the next check. Virtual timers; a real Dovecot.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestDomain, type TestDomain } from '../domain/test-support';
import { FakeTimers } from '../notifier/fake-timers';
import { MAIL_CHECK_MS } from './mail-poller';
import { dovecotInstalled, startDovecot, type DovecotServer } from './test-support/dovecot';
import { composeMessage } from './test-support/messages';

let t: TestDomain;
let timers: FakeTimers;
let mailbox: DovecotServer;

describe.skipIf(!dovecotInstalled())('watching the team mailbox', () => {
  beforeEach(async () => {
    t = await startTestDomain('2026-11-25T11:00:00.000Z', undefined, { timers: (clock) => (timers = new FakeTimers(clock)) });
    mailbox = await startDovecot();
  });
  afterEach(async () => {
    await t.close();
    await mailbox.stop();
  });

  // Each check runs to its end (and the next is set) before the test goes on.
  const nextCheck = () => timers.advanceTo(t.clock.millis + MAIL_CHECK_MS, () => t.services.mailWatch?.idle() ?? Promise.resolve());

  it('imports new mail at the next check once set up, and after an outage at the check after the server is back', async () => {
    await mailbox.append(await composeMessage({ messageId: '<watched@example.org>', subject: 'Broken kettle', text: 'It broke.' }), {
      receivedAt: new Date('2026-11-25T10:00:00.000Z'),
    });
    // Not set up: a check does nothing.
    await nextCheck();
    expect(await t.call('mail.list', {})).toEqual([]);

    const settings = (port: number) => ({
      enabled: true,
      imap: { host: '127.0.0.1', port, security: 'none' as const, username: mailbox.user },
      smtp: { host: '127.0.0.1', port: 2525, security: 'none' as const, from: 'complaints@example.com' },
      password: mailbox.password,
    });
    await t.call('mail.configure', settings(mailbox.closedPort));
    await nextCheck();
    expect(await t.call('mail.list', {})).toEqual([]);

    await t.call('mail.configure', settings(mailbox.port));
    await nextCheck();
    expect(await t.call('mail.list', {})).toMatchObject([{ subject: 'Broken kettle' }]);
  });
});
