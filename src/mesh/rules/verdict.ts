/** A rule's answer: allowed, or refused with why and what to do instead. */
export type Verdict = { allowed: true } | { allowed: false; reason: string; hint: string };

/** The allowed verdict. */
export const ALLOWED: Verdict = { allowed: true };

/** A refusal saying why and what to do instead. */
export function refused(reason: string, hint: string): Verdict {
  return { allowed: false, reason, hint };
}
