import { escapeMrkdwn } from '../blocks/mrkdwn';

/** Longest user-typed word echoed back in a message; keeps every message short whatever was typed. */
const MAX_ECHO = 60;

/** A user's word echoed back as inline mrkdwn code, clipped and escaped: `SELEC` → `` `SELEC` ``. */
export function echoWord(text: string): string {
  const flat = text.replace(/\s+/g, ' ').replace(/`/g, "'");
  const clipped = flat.length > MAX_ECHO ? `${flat.slice(0, MAX_ECHO - 1)}…` : flat;
  return clipped === '' ? '`""`' : `\`${escapeMrkdwn(clipped)}\``;
}
