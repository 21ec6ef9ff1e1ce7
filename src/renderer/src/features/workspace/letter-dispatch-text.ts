/**
 * How an outgoing letter went out, in the reader's language (issue 17): sent by e-mail (to whom,
 * when), its e-mail came back (to be posted instead), posted (the day), or not yet.
 */
import type { TFunction } from 'i18next';
import type { LetterPosting } from '@shared/domain/letters';
import type { Formatters } from '../../common/format';

export function dispatchText(posting: LetterPosting | null, t: TFunction, format: Pick<Formatters, 'day' | 'dateTime'>): string {
  if (posting?.email?.bounce) return t('letters.emailBounced', { to: posting.email.to, reason: posting.email.bounce.reason });
  if (posting?.email) return t('letters.emailed', { to: posting.email.to, time: format.dateTime(posting.email.sentAt) });
  if (posting) return t('letters.posted', { date: format.day(posting.postedOn) });
  return t('letters.notPosted');
}
