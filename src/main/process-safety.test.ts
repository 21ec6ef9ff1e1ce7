/**
 * The process-wide policy for uncaught errors (issue 21): logged without the message's embedded
 * data (RxDB puts whole documents there), a bounded number per minute, and followed by one
 * recovery for a burst, never an exit.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from './logging/logger';
import { safeErrorSummary, safetyNetListeners } from './process-safety';

describe('uncaught errors', () => {
  it('are logged without personal data and recovered from once per burst', async () => {
    const logger = createMemoryLogger();
    let recovered = 0;
    const net = safetyNetListeners({ logger, recover: () => (recovered += 1), maxPerMinute: 3 });
    const leaky = Object.assign(
      new TypeError('Cannot read properties of undefined (reading \'map\')\nGiven parameters: {"document":{"email":"janis@example.lv"}}'),
      { code: 'RC_STREAM' },
    );
    for (let index = 0; index < 5; index += 1) net.onRejection(leaky);
    net.onException(new Error('thrown from a callback'));
    await expect.poll(() => recovered).toBe(1);
    net.dispose();
    expect(logger.entries).toHaveLength(3);
    expect(JSON.stringify(logger.entries)).not.toContain('janis@example.lv');
    expect(logger.entries[0]).toMatchObject({
      level: 'error',
      details: { name: 'TypeError', code: 'RC_STREAM', message: "Cannot read properties of undefined (reading 'map')" },
    });
  });

  it('a value that is not an error is named by its type only', () => {
    expect(safeErrorSummary('janis@example.lv')).toEqual({ type: 'string' });
    expect(safeErrorSummary(null)).toEqual({ type: 'null' });
  });
});
