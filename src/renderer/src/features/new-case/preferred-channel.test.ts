/** Issue 18: the preferred channel defaults from the channel the complaint came by (P-3.1). */
import { describe, expect, it } from 'vitest';
import { suggestedPreference } from './preferred-channel';

const none = { email: '', phone: '', hasAddress: false };

describe('the preferred channel a new complaint defaults to', () => {
  it('follows the intake channel', () => {
    expect(suggestedPreference('telephone', none)).toBe('telephone');
    expect(suggestedPreference('in-person', none)).toBe('telephone');
    expect(suggestedPreference('email', none)).toBe('email');
    expect(suggestedPreference('web-form', none)).toBe('email');
    expect(suggestedPreference('letter', none)).toBe('letter');
  });

  it('is never e-mail for a telephone complaint with no e-mail address', () => {
    expect(suggestedPreference('telephone', { ...none, phone: '0161 496 0000' })).toBe('telephone');
    expect(suggestedPreference('telephone', { ...none, hasAddress: true })).toBe('letter');
  });

  it('prefers a detail that was given over the intake channel’s missing one', () => {
    expect(suggestedPreference('letter', { ...none, email: 'ann@example.com' })).toBe('email');
    expect(suggestedPreference('email', { ...none, phone: '0161 496 0000' })).toBe('telephone');
    expect(suggestedPreference('email', { email: 'ann@example.com', phone: '0161 496 0000', hasAddress: true })).toBe('email');
  });
});
