import type { ReasonOf, Refusal } from '../error-reasons';

/** A refusal of an authorization rule: why (a reason with its params) and what to do instead. */
export type AuthorizationRefusal = Refusal<ReasonOf<'mesh_not_authorized'>>;

/** A rule's answer: allowed, or refused with why and what to do instead. */
export type Verdict = { allowed: true } | { allowed: false; refusal: AuthorizationRefusal };

/** The allowed verdict. */
export const ALLOWED: Verdict = { allowed: true };

/** A refusal saying why and what to do instead. */
export function refused(refusal: AuthorizationRefusal): Verdict {
  return { allowed: false, refusal };
}
