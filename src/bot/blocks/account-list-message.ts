import type { MeshAccount } from '../../mesh/domain/mesh-account';
import { roleNameOf } from '../../mesh/domain/query-principal';
import { header, message, section } from './block-kit';
import { code, dateText, joinCapped, mention, plural } from './mrkdwn';
import { PAGE_SIZE, pageFooter, type Page } from './pagination';
import type { KnownBlock, SlackMessage } from './slack-types';

/** One account as a row: id, roles, Lake Formation cross-account version, a consumer's query roles, who enabled it and when. */
function accountRowText(account: MeshAccount): string {
  const roles = [account.producer ? 'producer' : undefined, account.consumer ? 'consumer' : undefined].filter((r) => r !== undefined);
  const version = account.crossAccountVersion !== undefined ? ` · Lake Formation cross-account version ${account.crossAccountVersion}` : '';
  const queryRoles = account.queryPrincipals ?? [];
  const query = !account.consumer ? '' : queryRoles.length > 0 ? `\nquery roles: ${joinCapped(queryRoles.map((arn) => code(roleNameOf(arn))), ', ', 600, 10)}` : '\n_no query roles named_';
  return `${code(account.accountId)} · *${roles.length > 0 ? roles.join(' and ') : 'no role'}*${version}${query}\nenabled by ${mention(account.enabledBy).mrkdwn} ${dateText(account.enabledAt, '{date_short_pretty}')}`;
}

/** The accounts enabled in the mesh, for admins (at most 15 a page). */
export function buildAccountListMessage(page: Page<MeshAccount>): SlackMessage {
  const shown = page.items.slice(0, PAGE_SIZE);
  const blocks: KnownBlock[] = [header('Mesh accounts')];
  if (shown.length === 0) blocks.push(section(`No account is enabled yet. Enable one with ${code('/mesh admin enable <account> producer|consumer')}.`));
  for (const account of shown) blocks.push(section(accountRowText(account)));
  blocks.push(...pageFooter(page, shown.length, 'account'));
  return message(`Mesh accounts: ${plural(page.total ?? page.items.length, 'account')}`, blocks);
}
