/**
 * Issue 18: the new-complaint form's preferred channel follows the channel the complaint came by
 * (P-3.1), so a telephone complaint is not refused for want of the e-mail address a fixed 'e-mail'
 * default would need. When that channel's detail is missing but another is given, the one given
 * is preferred; the person can always choose otherwise.
 */
import type { ContactPreference, IntakeChannel } from '@shared/domain/vocabulary';

const BY_INTAKE: Record<IntakeChannel, ContactPreference> = {
  letter: 'letter',
  'web-form': 'email',
  email: 'email',
  telephone: 'telephone',
  'in-person': 'telephone',
};

export interface ContactDetails {
  readonly email: string;
  readonly phone: string;
  readonly hasAddress: boolean;
}

function has(preference: ContactPreference, details: ContactDetails): boolean {
  if (preference === 'email') return details.email.trim() !== '';
  if (preference === 'telephone') return details.phone.trim() !== '';
  return details.hasAddress;
}

export function suggestedPreference(channel: IntakeChannel, details: ContactDetails): ContactPreference {
  const natural = BY_INTAKE[channel];
  if (has(natural, details)) return natural;
  const given = (['email', 'telephone', 'letter'] as const).find((preference) => has(preference, details));
  return given ?? natural;
}
