import type { Identity } from '../../mesh/domain/identity';
import type { MeshAccount } from '../../mesh/domain/mesh-account';
import { roleNameOf } from '../../mesh/domain/query-principal';
import { header, message, section } from './block-kit';
import { code, dateText, joinCapped, mention, plural } from './mrkdwn';
import { PAGE_SIZE, pageFooter, type Page } from './pagination';
import type { KnownBlock, SlackMessage } from './slack-types';

/** People named per account row at most; the rest are counted. */
const PEOPLE_SHOWN = 10;

/** Who acts for an account and as what (`<@U0PRODUCER> producer, <@U0ADMIN> admin`), or that nobody does yet. */
export function actingForText(accountId: string, mappings: readonly Identity[]): string {
  const people = mappings.flatMap((identity) =>
    identity.personas.filter((p) => p.accountId === accountId).map((p) => `${mention(identity.user).mrkdwn} ${p.kind}`),
  );
  if (people.length === 0) return `_nobody acts for it yet:_ ${code(`/mesh admin map @user ${accountId} producer|consumer`)}`;
  const rest = people.length - PEOPLE_SHOWN;
  return `acting for it: ${people.slice(0, PEOPLE_SHOWN).join(', ')}${rest > 0 ? ` and ${rest.toLocaleString('en-US')} more` : ''}`;
}

/** One account as a row: id, roles, Lake Formation cross-account version, a consumer's query roles, who acts for it, who enabled it and when. */
function accountRowText(account: MeshAccount, mappings: readonly Identity[] | undefined): string {
  const roles = [account.producer ? 'producer' : undefined, account.consumer ? 'consumer' : undefined].filter((r) => r !== undefined);
  const version = account.crossAccountVersion !== undefined ? ` · Lake Formation cross-account version ${account.crossAccountVersion}` : '';
  const queryRoles = account.queryPrincipals ?? [];
  const query = !account.consumer ? '' : queryRoles.length > 0 ? `\nquery roles: ${joinCapped(queryRoles.map((arn) => code(roleNameOf(arn))), ', ', 600, 10)}` : '\n_no query roles named_';
  const people = mappings === undefined ? '' : `\n${actingForText(account.accountId, mappings)}`;
  return `${code(account.accountId)} · *${roles.length > 0 ? roles.join(' and ') : 'no role'}*${version}${query}${people}\nenabled by ${mention(account.enabledBy).mrkdwn} ${dateText(account.enabledAt, '{date_short_pretty}')}`;
}

/** The accounts enabled in the mesh, for admins (at most 15 a page), with who acts for each when `mappings` are given. */
export function buildAccountListMessage(page: Page<MeshAccount>, mappings?: readonly Identity[]): SlackMessage {
  const shown = page.items.slice(0, PAGE_SIZE);
  const blocks: KnownBlock[] = [header('Mesh accounts')];
  if (shown.length === 0) blocks.push(section(`No account is enabled yet. Enable one with ${code('/mesh admin enable <account> producer|consumer')}.`));
  for (const account of shown) blocks.push(section(accountRowText(account, mappings)));
  blocks.push(...pageFooter(page, shown.length, 'account'));
  return message(`Mesh accounts: ${plural(page.total ?? page.items.length, 'account')}`, blocks);
}
