/**
 * What one Slack `<…>` escape in command text stands for. Slack sends these when the command has
 * "escape channels, users, and links" on: `<@U123ABC|pat>`, `<#C123|data-products>`,
 * `<!subteam^S123|@team>`, `<https://example.com|the docs>`, `<!here>`.
 */
export type SlackReference =
  | { kind: 'user'; userId: string; label?: string }
  | { kind: 'channel'; channelId: string; name?: string }
  | { kind: 'usergroup'; groupId: string; handle?: string }
  /** Links, special mentions, dates and anything unrecognised: only their readable text matters. */
  | { kind: 'text'; text: string };

/** The three characters Slack encodes in message text, and nothing else. */
const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>' } as const;

/** The entity at `index` and the character it stands for, e.g. `&lt;` → `<`; undefined if none. */
export function entityAt(text: string, index: number): { entity: string; char: string } | undefined {
  for (const [entity, char] of Object.entries(ENTITIES)) {
    if (text.startsWith(entity, index)) return { entity, char };
  }
  return undefined;
}

/** Decodes Slack's `&amp;`, `&lt;` and `&gt;`: `a &amp; b` → `a & b`. */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt);/g, (entity) => ENTITIES[entity as keyof typeof ENTITIES]);
}

/** Reads the inside of one `<…>` escape: `@U123ABC|pat` → `{ kind: 'user', userId: 'U123ABC', label: 'pat' }`. */
export function parseSlackEscape(inside: string): SlackReference {
  const bar = inside.indexOf('|');
  const target = bar === -1 ? inside : inside.slice(0, bar);
  const label = bar === -1 ? undefined : decodeEntities(inside.slice(bar + 1)) || undefined;
  const user = /^@([UW][A-Z0-9]+)$/.exec(target);
  if (user?.[1] !== undefined) return { kind: 'user', userId: user[1], ...(label === undefined ? {} : { label }) };
  const channel = /^#([CG][A-Z0-9]+)$/.exec(target);
  if (channel?.[1] !== undefined) return { kind: 'channel', channelId: channel[1], ...(label === undefined ? {} : { name: label }) };
  const group = /^!subteam\^([A-Z0-9]+)$/.exec(target);
  if (group?.[1] !== undefined) return { kind: 'usergroup', groupId: group[1], ...(label === undefined ? {} : { handle: label }) };
  if (label !== undefined) return { kind: 'text', text: label };
  // `<!here>`, `<!channel>`, `<!everyone>` read as what the user typed.
  if (target.startsWith('!')) return { kind: 'text', text: `@${target.slice(1)}` };
  return { kind: 'text', text: decodeEntities(target.startsWith('mailto:') ? target.slice('mailto:'.length) : target) };
}

/** What a reference reads as in plain text: `@pat`, `#data-products`, `@team`, a link's label. */
export function plainText(reference: SlackReference): string {
  switch (reference.kind) {
    case 'user':
      return `@${reference.label?.replace(/^@/, '') ?? reference.userId}`;
    case 'channel':
      return `#${reference.name?.replace(/^#/, '') ?? reference.channelId}`;
    case 'usergroup':
      return `@${reference.handle?.replace(/^@/, '') ?? reference.groupId}`;
    case 'text':
      return reference.text;
  }
}
