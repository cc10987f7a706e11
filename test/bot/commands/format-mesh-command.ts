import type { MeshCommand } from '../../../src/bot/commands/mesh-command';

/** How a user might type a command: keywords in capitals, mentions with names, curly quotes. */
export interface TypingStyle {
  shout: boolean;
  mentionLabels: boolean;
  curlyQuotes: boolean;
  /** Between permissions of `modify`. */
  separator: ' ' | ',' | ', ';
}

/** What Slack sends for a quoted value: entities encoded as Slack does, quotes and backslashes escaped. */
export function quoted(text: string, style: TypingStyle): string {
  const encoded = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const escaped = encoded.replace(/["“”\\]/g, (char) => `\\${char}`);
  return style.curlyQuotes ? `“${escaped}”` : `"${escaped}"`;
}

/**
 * The text after `/mesh` that a user would type for a command, as Slack sends it. Test-side only:
 * parsing it back must give the same command.
 */
export function formatMeshCommand(command: MeshCommand, style: TypingStyle): string {
  const word = (text: string): string => (style.shout ? text.toUpperCase() : text);
  const q = (text: string): string => quoted(text, style);
  const mention = (userId: string): string => (style.mentionLabels ? `<@${userId}|someone>` : `<@${userId}>`);
  const permissions = (list: readonly string[], separator: string): string => list.map((p) => (style.shout ? p : p.toLowerCase())).join(separator);
  const words: string[] = [];
  switch (command.kind) {
    case 'help':
      words.push(word('help'), ...(command.topic === undefined ? [] : [word(command.topic)]));
      break;
    case 'publish':
      words.push(word('publish'), q(word(command.database)));
      if (command.tablePattern !== undefined) {
        // A regex is kept as typed; names and globs are read in lower case, so any case will do.
        words.push(q(command.tablePattern.startsWith('/') ? command.tablePattern : word(command.tablePattern)));
      }
      if (command.name !== undefined) words.push(word('--name'), q(command.name));
      if (command.domain !== undefined) words.push(`${word('--domain')}=${q(command.domain)}`);
      if (command.description !== undefined) words.push(word('--description'), q(command.description));
      if (command.owners !== undefined) words.push(word('--owners'), ...command.owners.map(mention));
      if (command.meshDatabase !== undefined) words.push(word('--mesh-db'), q(word(command.meshDatabase)));
      if (!command.publicMetadata) words.push(word('--no-public'));
      break;
    case 'products':
      words.push(word('products'), ...(command.query === undefined ? [] : [q(command.query)]));
      break;
    case 'product':
      words.push(word('product'), q(command.product));
      break;
    case 'request':
      words.push(word('request'), q(command.product));
      if (command.tables !== undefined) words.push(command.tables === 'all' ? word('all') : command.tables.map(word).join(','));
      if (command.permissions !== undefined) words.push(permissions(command.permissions, ','));
      // Role names are case-sensitive in IAM: typed as they are.
      if (command.queryRoles !== undefined) words.push(word('--query-roles'), command.queryRoles.join(','));
      if (command.reason !== undefined) words.push(q(command.reason));
      break;
    case 'pending':
    case 'whoami':
      words.push(word(command.kind));
      break;
    case 'subscriptions':
      words.push(word('subscriptions'));
      if (command.filter.by === 'mine') words.push(word('mine'));
      if (command.filter.by === 'product') words.push(word('product'), q(command.filter.product));
      if (command.filter.by === 'status') words.push(word('status'), style.shout ? command.filter.status : command.filter.status.toLowerCase());
      break;
    case 'subscription':
    case 'cancel':
    case 'retry':
      words.push(word(command.kind), style.shout ? command.subscriptionId : command.subscriptionId.toLowerCase());
      break;
    case 'modify':
      words.push(word('modify'), command.subscriptionId, permissions(command.permissions, style.separator), q(command.reason));
      break;
    case 'revoke':
      words.push(word('revoke'), command.subscriptionId, q(command.reason));
      break;
    case 'admin-map':
      words.push(word('admin'), word('map'), mention(command.userId), command.accountId, word(command.persona));
      break;
    case 'admin-unmap':
      words.push(word('admin'), word('unmap'), mention(command.userId), command.accountId);
      break;
    case 'admin-enable':
      words.push(word('admin'), word('enable'), command.accountId, word(command.persona));
      if (command.queryRoles !== undefined) words.push(`${word('--query-roles')}=${command.queryRoles.join(',')}`);
      break;
    case 'admin-accounts':
      words.push(word('admin'), word('accounts'));
      break;
  }
  return words.join(' ');
}
