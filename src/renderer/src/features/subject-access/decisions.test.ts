/** Issue 14, subject access: the review's decisions become the export's withheld entries; each needs a reason. */
import { describe, expect, it } from 'vitest';
import { decisionOf, fieldKey, missingReasons, withheldEntries, withheldFields, type Decisions } from './decisions';

describe('review decisions (issue 14)', () => {
  const decisions: Decisions = {
    'timeline:n1': { action: 'exclude', reason: ' About staff only ' },
    'timeline:n2': { action: 'include', reason: 'left over' },
    'letter:l1': { action: 'redact', reason: '' },
    'file:f1': { action: 'exclude', reason: 'Third party' },
  };

  it('sends only withheld entries, with their reasons trimmed', () => {
    expect(withheldEntries(decisions)).toEqual([
      { kind: 'timeline', id: 'n1', action: 'exclude', reason: 'About staff only' },
      { kind: 'letter', id: 'l1', action: 'redact', reason: '' },
      { kind: 'file', id: 'f1', action: 'exclude', reason: 'Third party' },
    ]);
  });

  it('sends withheld case fields apart, as people.export takes them, and ignores unknown fields', () => {
    const withFields: Decisions = {
      ...decisions,
      'field:c1:rootCauseNote': { action: 'exclude', reason: ' Internal ' },
      'field:c1:description': { action: 'include', reason: '' },
      'field:c1:notAField': { action: 'exclude', reason: 'x' },
    };
    expect(withheldFields(withFields)).toEqual([{ caseId: 'c1', field: 'rootCauseNote', reason: 'Internal' }]);
    expect(withheldEntries(withFields)).toEqual(withheldEntries(decisions));
    expect(fieldKey('c1', 'rootCauseNote')).toBe('field:c1:rootCauseNote');
  });

  it('names each withheld entry still without a reason', () => {
    expect(missingReasons(decisions)).toEqual(['letter:l1']);
  });

  it('an entry nobody decided on is included', () => {
    expect(decisionOf(decisions, 'timeline', 'other')).toEqual({ action: 'include', reason: '' });
  });
});
