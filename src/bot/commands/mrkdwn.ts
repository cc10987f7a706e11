/** Escapes the three characters Slack's mrkdwn reads as markup, so `<!channel>` typed by a user stays text. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Longest user-typed word echoed back in a message; keeps every message short whatever was typed. */
const MAX_ECHO = 60;

/** A user's word as inline mrkdwn code, clipped and escaped: `SELEC` → `` `SELEC` ``. */
export function code(text: string): string {
  const flat = text.replace(/\s+/g, ' ').replace(/`/g, "'");
  const clipped = flat.length > MAX_ECHO ? `${flat.slice(0, MAX_ECHO - 1)}…` : flat;
  return clipped === '' ? '`""`' : `\`${escapeMrkdwn(clipped)}\``;
}
