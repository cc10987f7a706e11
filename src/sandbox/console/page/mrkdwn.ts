/// <reference lib="dom" />
import { append, h, type Child } from './dom';
import { emojify } from './emoji';

/** How names in mentions are shown: a user id to `@Pat`, a channel id to `#data-products`. */
export interface MentionNames {
  user(id: string): string;
  channel(id: string): string;
}

/** Something that cannot be split by formatting: inline code or a `<…>` token. */
type Atom = { kind: 'code'; text: string } | { kind: 'token'; body: string };
type Unit = string | Atom;

/** Slack's three entities; everything else is literal. */
export function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const MARKERS: Record<string, string> = { '*': 'strong', _: 'em', '~': 's' };
const isSpace = (unit: Unit | undefined): boolean => typeof unit === 'string' && /\s/.test(unit);
const isWordChar = (unit: Unit | undefined): boolean => typeof unit === 'string' && /[\p{L}\p{N}]/u.test(unit);

/** Units of one line: characters (entities decoded), inline code spans and `<…>` tokens as single units. */
function units(raw: string): Unit[] {
  const out: Unit[] = [];
  const pattern = /`([^`\n]+)`|<([^<>\n]+)>/g;
  let last = 0;
  const text = (s: string): void => {
    for (const ch of decodeEntities(s)) out.push(ch);
  };
  for (const match of raw.matchAll(pattern)) {
    text(raw.slice(last, match.index));
    if (match[1] !== undefined) out.push({ kind: 'code', text: decodeEntities(match[1]) });
    else out.push({ kind: 'token', body: match[2] ?? '' });
    last = match.index + match[0].length;
  }
  text(raw.slice(last));
  return out;
}

/** Where the marker opened at `open` closes: the next same marker after a non-space and before a non-word character. */
function closing(line: readonly Unit[], open: number, end: number, marker: string): number {
  for (let k = open + 2; k < end; k += 1) {
    if (line[k] === marker && !isSpace(line[k - 1]) && !isWordChar(line[k + 1])) return k;
  }
  return -1;
}

/** A marker opens after a non-word character (or the start) and before a non-space that is not the same marker. */
function canOpen(line: readonly Unit[], i: number, start: number): boolean {
  const before = i > start ? line[i - 1] : undefined;
  const after = line[i + 1];
  return !isWordChar(before) && after !== undefined && !isSpace(after) && after !== line[i];
}

const ALLOWED_SCHEMES = /^(https?:|mailto:)/i;

function tokenNode(body: string, names: MentionNames): Child {
  const [target = '', ...rest] = body.split('|');
  const label = rest.length > 0 ? decodeEntities(rest.join('|')) : undefined;
  if (target.startsWith('@')) return h('span', { class: 'mention', attrs: { 'data-user': target.slice(1) } }, `@${names.user(target.slice(1))}`);
  if (target.startsWith('#')) return h('span', { class: 'mention channel' }, `#${label ?? names.channel(target.slice(1))}`);
  if (target.startsWith('!date^')) return dateNode(target, label);
  if (target.startsWith('!subteam^')) return h('span', { class: 'mention' }, label ?? `@${target.slice('!subteam^'.length)}`);
  if (target.startsWith('!')) return h('span', { class: 'mention' }, `@${target.slice(1)}`);
  const url = decodeEntities(target);
  // Only web and mail links become links; anything else (javascript:, data:) stays text.
  if (ALLOWED_SCHEMES.test(url)) return h('a', { attrs: { href: url, target: '_blank', rel: 'noopener noreferrer' } }, label ?? url);
  return label ?? `<${decodeEntities(body)}>`;
}

/** `<!date^1767225600^{date_short_pretty} at {time}|fallback>` in the reader's time zone, as Slack shows it. */
function dateNode(target: string, fallback: string | undefined): Child {
  const [, seconds = '', format = '', link] = target.split('^');
  const ms = Number(seconds) * 1000;
  if (!Number.isFinite(ms) || seconds === '') return fallback ?? target;
  const text = formatSlackDate(new Date(ms), decodeEntities(format), new Date());
  const node = h('time', { attrs: { datetime: new Date(ms).toISOString(), title: fallback } }, text);
  return link !== undefined && ALLOWED_SCHEMES.test(link) ? h('a', { attrs: { href: link, target: '_blank', rel: 'noopener noreferrer' } }, node) : node;
}

const sameDay = (a: Date, b: Date): boolean => a.toDateString() === b.toDateString();

function ordinal(day: number): string {
  const suffix = day % 10 === 1 && day !== 11 ? 'st' : day % 10 === 2 && day !== 12 ? 'nd' : day % 10 === 3 && day !== 13 ? 'rd' : 'th';
  return `${day}${suffix}`;
}

/** Slack's date tokens: `{date_num}`, `{date}`, `{date_short}`, `{date_long}`, their `_pretty` forms, `{time}`, `{time_secs}`, `{ago}`. */
export function formatSlackDate(date: Date, format: string, now: Date): string {
  const month = (style: 'long' | 'short'): string => date.toLocaleDateString('en-US', { month: style });
  const dateLong = `${month('long')} ${ordinal(date.getDate())}, ${date.getFullYear()}`;
  const forms: Record<string, string> = {
    date_num: `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`,
    date: dateLong,
    date_short: `${month('short')} ${date.getDate()}, ${date.getFullYear()}`,
    date_long: `${date.toLocaleDateString('en-US', { weekday: 'long' })}, ${dateLong}`,
    time: date.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' }),
    time_secs: date.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', second: '2-digit' }),
    ago: agoText(now.getTime() - date.getTime()),
  };
  const yesterday = new Date(now.getTime() - 86_400_000);
  const tomorrow = new Date(now.getTime() + 86_400_000);
  const pretty = sameDay(date, now) ? 'today' : sameDay(date, yesterday) ? 'yesterday' : sameDay(date, tomorrow) ? 'tomorrow' : undefined;
  for (const base of ['date', 'date_short', 'date_long']) forms[`${base}_pretty`] = pretty ?? forms[base] ?? '';
  return format.replace(/\{(\w+)\}/g, (whole, name: string) => forms[name] ?? whole);
}

function agoText(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const [n, unit] = minutes < 1 ? [0, ''] : minutes < 60 ? [minutes, 'minute'] : minutes < 1440 ? [Math.round(minutes / 60), 'hour'] : [Math.round(minutes / 1440), 'day'];
  if (n === 0) return 'just now';
  const amount = `${n} ${unit}${n === 1 ? '' : 's'}`;
  return ms >= 0 ? `${amount} ago` : `in ${amount}`;
}

/** Render units[start, end) with `*bold*`, `_italic_` and `~strike~` nesting. */
function inline(line: readonly Unit[], start: number, end: number, names: MentionNames): Child[] {
  const out: Child[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') out.push(emojify(text));
    text = '';
  };
  for (let i = start; i < end; i += 1) {
    const unit = line[i];
    if (unit === undefined) continue;
    if (typeof unit === 'object') {
      flush();
      out.push(unit.kind === 'code' ? h('code', {}, unit.text) : tokenNode(unit.body, names));
      continue;
    }
    const tag = MARKERS[unit];
    if (tag !== undefined && canOpen(line, i, start)) {
      const close = closing(line, i, end, unit);
      if (close !== -1) {
        flush();
        out.push(h(tag as 'strong', {}, inline(line, i + 1, close, names)));
        i = close;
        continue;
      }
    }
    text += unit;
  }
  flush();
  return out;
}

/** Append the lines of a mrkdwn text (no code blocks) to `target`; lines starting with a raw `>` are quotes. */
function appendLines(target: Node, text: string, names: MentionNames): void {
  let quote: HTMLElement | undefined;
  const raw = text.split('\n');
  raw.forEach((line, index) => {
    // A raw `>` starts a quote; a typed one arrives escaped as `&gt;` and stays text.
    const quoted = line.startsWith('>');
    const lineUnits = units(quoted ? line.slice(1).replace(/^ /, '') : line);
    const rendered = inline(lineUnits, 0, lineUnits.length, names);
    if (quoted) {
      if (quote === undefined) {
        quote = h('blockquote');
        target.appendChild(quote);
      } else quote.appendChild(h('br'));
      append(quote, rendered);
      return;
    }
    quote = undefined;
    append(target, rendered);
    if (index < raw.length - 1 && raw[index + 1]?.startsWith('>') !== true) target.appendChild(h('br'));
  });
}

/**
 * Slack mrkdwn as DOM nodes: ``` blocks, `code`, *bold*, _italic_, ~strike~, > quotes, links,
 * user, channel and group mentions, dates and emoji codes. Text only ever becomes text nodes.
 */
export function renderMrkdwn(text: string, names: MentionNames): HTMLElement {
  const root = h('span', { class: 'mrkdwn' });
  const parts = text.split('```');
  parts.forEach((part, index) => {
    const inCode = index % 2 === 1 && index < parts.length - 1;
    // Odd parts are inside a code block (an unclosed fence at the end is literal).
    if (inCode) root.appendChild(h('pre', {}, decodeEntities(part.replace(/^\n/, '').replace(/\n$/, ''))));
    else {
      // The line breaks around a code block belong to the block, as in Slack.
      let trimmed = part;
      if (index % 2 === 0 && index > 0) trimmed = trimmed.replace(/^\n/, '');
      if (index % 2 === 0 && index + 1 < parts.length - 1) trimmed = trimmed.replace(/\n$/, '');
      appendLines(root, (index % 2 === 1 ? '```' : '') + trimmed, names);
    }
  });
  return root;
}
