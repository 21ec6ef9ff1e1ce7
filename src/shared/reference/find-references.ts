/**
 * Case references written in free text (an e-mail's subject or body, issue 17): the printed form
 * `7KQ2-00A3-M`, in any case, each checked by its check character (P-3.2), so a mistyped or
 * invented one matches nothing. Canonical and in order of appearance, without repeats.
 */
import { parseReference } from './reference-number';

const WRITTEN = /(?<![0-9A-Za-z-])([0-9A-Za-z]{4}-[0-9A-Za-z]{4,8}-[0-9A-Za-z])(?![0-9A-Za-z-])/g;

export function findReferences(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(WRITTEN)) {
    const parsed = parseReference(match[1] ?? '');
    if (parsed.ok && !found.includes(parsed.reference)) found.push(parsed.reference);
  }
  return found;
}
