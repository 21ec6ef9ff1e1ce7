/**
 * P-5.3: which improvement actions are told, to whom, in which words, and when the notifier wakes
 * for the next change (office midnights, across a daylight-saving change).
 */
import { describe, expect, it } from 'vitest';
import type { ImprovementAction } from '../../shared/domain/improvement-actions';
import type { WorkingCalendar } from '../../shared/sla';
import { improvementNoticeKey, improvementNotices, improvementNoticeText } from './improvement-notices';

const london = { timeZone: 'Europe/London' } as WorkingCalendar;
const staff = { id: 'someone', name: 'Someone' };
const action = (id: string, ownerId: string, dueOn: string, status: ImprovementAction['status'] = 'planned'): ImprovementAction => ({
  id,
  title: `Action ${id}`,
  ownerId,
  ownerName: ownerId,
  dueOn,
  status,
  completedOn: status === 'completed' ? '2027-03-01' : null,
  rootCauseIds: ['courier-handling'],
  lessonsLearned: '',
  createdAt: '2027-01-01T00:00:00.000Z',
  createdBy: staff,
  updatedAt: '2027-01-01T00:00:00.000Z',
  updatedBy: staff,
});

describe('P-5.3 improvement notices', () => {
  const actions = [
    action('soon', 'owen', '2027-04-02'),
    action('late', 'owen', '2027-03-20'),
    action('later', 'owen', '2027-05-01'),
    action('done', 'owen', '2027-03-20', 'completed'),
    action('cancelled', 'owen', '2027-03-20', 'cancelled'),
    action('theirs', 'ann', '2027-03-20'),
  ];

  it('tells the owner of their open actions due within a week or overdue, not the done, cancelled or others’', () => {
    const { notices } = improvementNotices(actions, 'owen', london, new Date('2027-03-27T10:00:00Z'));
    expect(notices.map((notice) => [notice.action.id, notice.due])).toEqual([
      ['soon', 'due-soon'],
      ['late', 'overdue'],
    ]);
  });

  it('wakes at the office midnight of the next change, in summer time after the clocks go forward (28 March 2027)', () => {
    // 'soon' turns overdue at midnight 3 April (BST: 23:00 UTC the day before); 'later' is due soon from 24 April.
    expect(improvementNotices(actions, 'owen', london, new Date('2027-03-27T10:00:00Z')).nextChangeAt).toBe(Date.parse('2027-04-02T23:00:00.000Z'));
    // Before 'soon' is due soon: it changes at midnight 26 March, still Greenwich time.
    expect(improvementNotices(actions, 'owen', london, new Date('2027-03-25T10:00:00Z')).nextChangeAt).toBe(Date.parse('2027-03-26T00:00:00.000Z'));
    expect(improvementNotices(actions, 'nobody', london, new Date('2027-03-25T10:00:00Z'))).toEqual({ notices: [], nextChangeAt: Infinity });
  });

  it('keys each state of each due day apart (a new due day is told afresh), and words it in en-GB and lv', () => {
    const notice = { action: action('soon', 'owen', '2027-04-02'), due: 'due-soon' as const };
    expect(improvementNoticeKey(notice, 'owen')).toBe('owen|improvement|soon|2027-04-02|due-soon');
    expect(improvementNoticeKey({ ...notice, due: 'overdue' }, 'owen')).not.toBe(improvementNoticeKey(notice, 'owen'));
    expect(improvementNoticeKey({ ...notice, action: action('soon', 'owen', '2027-04-09') }, 'owen')).not.toBe(improvementNoticeKey(notice, 'owen'));
    expect(improvementNoticeText(notice, 'en-GB')).toEqual({ title: 'Improvement action due soon: Action soon', body: 'Due 2 Apr 2027' });
    expect(improvementNoticeText({ ...notice, due: 'overdue' }, 'lv')).toMatchObject({ title: 'Uzlabošanas pasākums nokavēts: Action soon' });
    expect(improvementNoticeText(notice, 'lv').body).toBe('Termiņš 2027. g. 2. apr.');
  });
});
