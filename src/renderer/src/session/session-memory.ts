/**
 * What the window keeps for the signed-in person's session only (issue 18): work in progress
 * that must survive moving between pages, such as the clerk's half-typed letter, but that names
 * people and so is never written to disk and is forgotten when that person's session ends.
 * Each keeper registers how to forget; the session gate forgets them all when the person changes
 * (sign-out, or another person signing in).
 */
const forgetters = new Set<() => void>();

/** Registers how to forget one piece of session memory; returns the registration's removal. */
export function forgetOnSessionEnd(forget: () => void): () => void {
  forgetters.add(forget);
  return () => forgetters.delete(forget);
}

/** Forgets everything kept for the session that ended. */
export function forgetSessionMemory(): void {
  for (const forget of forgetters) forget();
}
