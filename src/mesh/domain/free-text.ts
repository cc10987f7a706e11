import * as z from 'zod';

/**
 * Characters nobody means in a reason, note or description: C0 controls but tab and newline, DEL, C1
 * controls, and the bidirectional overrides and isolates that make text read other than it is stored.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNWANTED = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/gu;

/** Free text as people type it, with the characters above removed, then trimmed. */
export function freeText() {
  return z
    .string()
    .transform((text) => text.replace(UNWANTED, ''))
    .pipe(z.string().trim());
}
