import type { Actor } from '../../mesh/domain/actor';
import type { SlackUser } from '../../mesh/domain/slack-user';

/**
 * Text that is already safe mrkdwn: built by `md`, `mention` or the builders, never raw user input.
 * Builders escape every plain `string` they are given and pass `Mrkdwn` through.
 */
export interface Mrkdwn {
  readonly mrkdwn: string;
}

/** Escapes `&`, `<` and `>` so that user text can never form a mention, a link or a date token. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Safe mrkdwn from a template: interpolated strings are escaped, `Mrkdwn` values kept, e.g. md`${mention(u)} asks for ${name}`. */
export function md(strings: TemplateStringsArray, ...values: readonly (string | number | Mrkdwn)[]): Mrkdwn {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += typeof value === 'string' ? escapeMrkdwn(value) : typeof value === 'number' ? String(value) : value.mrkdwn;
    out += strings[i + 1] ?? '';
  });
  return { mrkdwn: out };
}

/** The mrkdwn of a `string | Mrkdwn`: strings escaped, `Mrkdwn` as is. */
export function toMrkdwn(text: string | Mrkdwn): string {
  return typeof text === 'string' ? escapeMrkdwn(text) : text.mrkdwn;
}

/**
 * A sentence of our own that names users as `<@U…>` and times as `dateText` tokens (the refusal
 * wordings do): everything escaped except exactly those mentions and link-less date tokens, so no
 * other markup can come through.
 */
export function withMentions(text: string): Mrkdwn {
  return {
    mrkdwn: escapeMrkdwn(text)
      .replace(/&lt;@([UW][A-Z0-9]+)&gt;/g, '<@$1>')
      .replace(/&lt;!date\^(\d{1,12})\^(\{[a-z_]+\}(?: at \{[a-z_]+\})?)\|([0-9: -]{1,20} UTC)&gt;/g, '<!date^$1^$2|$3>'),
  };
}

const ELLIPSIS = '…';

/** Cuts `text` to at most `max` UTF-16 units, ending with `…` when cut; never splits a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let end = max - ELLIPSIS.length;
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return text.slice(0, Math.max(end, 0)) + ELLIPSIS;
}

/**
 * Cuts escaped mrkdwn to at most `max` units without breaking an entity (`&amp;`) or a token
 * (`<@U1>`, `<!date^…>`), and closes a code span or block it cut open.
 */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  // Room for the ellipsis and for closing a code block.
  let end = Math.max(max - ELLIPSIS.length - 4, 0);
  const lastAmp = text.lastIndexOf('&', end - 1);
  if (lastAmp >= 0 && !text.slice(lastAmp, end).includes(';') && end - lastAmp < 6) end = lastAmp;
  const lastOpen = text.lastIndexOf('<', end - 1);
  if (lastOpen >= 0 && !text.slice(lastOpen, end).includes('>')) end = lastOpen;
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  let cut = text.slice(0, end) + ELLIPSIS;
  const fences = cut.split('```').length - 1;
  if (fences % 2 === 1) cut += '```';
  else if (cut.replace(/```/g, '').split('`').length % 2 === 0) cut += '`';
  return cut;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** A user mention, `<@U0PRODUCER>`; only ids the schema accepted reach here, so the id needs no escaping. */
export function mention(user: SlackUser): Mrkdwn {
  return { mrkdwn: /^[UW][A-Z0-9]+$/.test(user.userId) ? `<@${user.userId}>` : escapeMrkdwn(user.userId) };
}

/** Who did something: a mention for a person, `Meshbot (sweep)` for the bot's own jobs. */
export function actorText(actor: Actor): string {
  return 'userId' in actor ? mention(actor).mrkdwn : `Meshbot (${escapeMrkdwn(actor.system)})`;
}

/** Inline code with the user's text escaped; backticks inside would end the span, so they become `ˋ`. */
export function code(text: string): string {
  return '`' + escapeMrkdwn(text.replace(/`/g, 'ˋ')) + '`';
}

/**
 * A date Slack renders in the reader's own time zone, `<!date^1795424400^{date_short_pretty} at {time}|2026-11-23 09:00 UTC>`,
 * with the UTC time as the fallback for clients that cannot. Every time a message shows goes through
 * here: never a raw ISO string, and never a relative `5 minutes ago` frozen into a message that stays.
 */
export function dateText(iso: string, format = '{date_short_pretty} at {time}'): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return escapeMrkdwn(iso);
  const fallback = new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  return `<!date^${Math.floor(ms / 1000)}^${format}|${fallback}>`;
}

/** How long ago `iso` was at `now`, in the largest whole unit: `just now`, `5 minutes`, `3 days`. */
export function ageText(iso: string, now: Date): string {
  const ms = now.getTime() - Date.parse(iso);
  if (!Number.isFinite(ms) || ms < 60_000) return 'just now';
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
  ];
  for (const [size, name] of units) {
    const n = Math.floor(ms / size);
    if (n >= 1) return `${n} ${name}${n === 1 ? '' : 's'}`;
  }
  return 'just now';
}

/**
 * Joins already-escaped items with `separator`, stopping before `max` units (or `maxItems` items) and
 * ending with `+N more`, e.g. `` `a`, `b` +3 more ``.
 */
export function joinCapped(items: readonly string[], separator: string, max: number, maxItems = Number.POSITIVE_INFINITY): string {
  const out: string[] = [];
  let length = 0;
  for (const [i, item] of items.entries()) {
    const rest = items.length - i - 1;
    const suffix = rest > 0 ? `${separator}+${rest} more`.length : 0;
    const add = (out.length > 0 ? separator.length : 0) + item.length;
    if (out.length >= maxItems || length + add + suffix > max) {
      const more = `+${items.length - i} more`;
      return out.length > 0 ? out.join(separator) + separator + more : truncate(more, max);
    }
    out.push(item);
    length += add;
  }
  return out.join(separator);
}

/** `1 table`, `2 tables`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/**
 * User text as blockquote chunks of at most `max` units each (section text is capped), split at line
 * or word boundaries; at most `maxChunks`, the last one truncated.
 */
export function quoteChunks(text: string, max: number, maxChunks: number): string[] {
  const lines = escapeMrkdwn(text.trim()).split('\n');
  const quoted = lines.map((line) => `>${line}`).join('\n');
  const chunks: string[] = [];
  let rest = quoted;
  while (rest.length > 0 && chunks.length < maxChunks) {
    if (rest.length <= max || chunks.length === maxChunks - 1) {
      chunks.push(truncateMrkdwn(rest, max));
      break;
    }
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    // Never cut inside an entity.
    const amp = rest.lastIndexOf('&', cut - 1);
    if (amp >= 0 && cut - amp < 6 && !rest.slice(amp, cut).includes(';')) cut = amp;
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, '');
    // A chunk that starts mid-line is still part of the quote.
    if (rest.length > 0 && !rest.startsWith('>')) rest = `>${rest}`;
  }
  return chunks;
}
