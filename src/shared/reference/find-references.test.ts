/**
 * References in free text (issue 17: an e-mail's subject or body matches its case): only the
 * printed form, each checked by its check character (P-3.2), canonical, without repeats.
 */
import { describe, expect, it } from 'vitest';
import { findReferences } from './find-references';
import { formatReference } from './reference-number';

describe('findReferences', () => {
  const first = formatReference('7KQ2', 163);
  const second = formatReference('M4TA', 9);

  it('finds every valid reference in subject or body, in order, once, in canonical form', () => {
    expect(findReferences(`Re: [Ref ${first}] and ${second.toLowerCase()}, again ${first}.`)).toEqual([first, second]);
  });

  it('ignores a reference whose check character is wrong, and words that only look like one', () => {
    const wrong = `${first.slice(0, -1)}${first.endsWith('0') ? '1' : '0'}`;
    expect(findReferences(`My reference is ${wrong}; order ABCD-1234-XYZ; phone 0161-4960-000`)).toEqual([]);
  });
});
