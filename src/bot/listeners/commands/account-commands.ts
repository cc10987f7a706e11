import type { SlackUser } from '../../../mesh/domain/slack-user';
import { context } from '../../blocks/block-kit';
import { buildConfirmationMessage } from '../../blocks/confirmation-message';
import { code, mention, withMentions } from '../../blocks/mrkdwn';
import { buildWhoamiMessage } from '../../blocks/whoami-message';
import type { CommandOf } from '../../commands/mesh-command';
import { postDirect } from '../../notify/slack-dm';
import type { CommandScope } from './command-scope';
import { accountsPage } from './list-pages';
import { meshAdminsText } from './unmapped-refusal';

/** `/mesh whoami`: the accounts and roles the user acts for; an unmapped user is told who can map them. */
export async function answerWhoami(scope: CommandScope): Promise<void> {
  const me = await scope.deps.mesh.whoami(scope.ctx);
  // whoami gives the personas; the stored identity adds when and by whom the mapping last changed.
  const built = buildWhoamiMessage({ user: me.user, identity: me.identity, meshAdmin: me.meshAdmin });
  const blocks = me.personas.length === 0 && !me.meshAdmin ? [...built.blocks, context(withMentions(`Mesh admins: ${meshAdminsText(scope)}`).mrkdwn)] : built.blocks;
  await scope.reply({ ...built, blocks });
}

/** The mapped person, in the workspace of the command. */
function userOf(scope: CommandScope, userId: string): SlackUser {
  return { teamId: scope.ctx.user.teamId, userId };
}

/** `/mesh admin map @user <account> producer|consumer` (mesh admins; the mesh refuses others). */
export async function answerAdminMap(scope: CommandScope, command: CommandOf<'admin-map'>): Promise<void> {
  const user = userOf(scope, command.userId);
  const change = await scope.deps.mesh.mapUser(scope.ctx, { user, accountId: command.accountId, kind: command.persona });
  const who = mention(user).mrkdwn;
  if (!change.changed) {
    await scope.reply(buildConfirmationMessage({ mrkdwn: `${who} already acts as ${command.persona} of ${code(command.accountId)}; nothing changed.` }));
    return;
  }
  try {
    const next = command.persona === 'producer' ? `publish with ${code('/mesh publish <database> <tables>')}` : `ask for data with ${code('/mesh products')} and ${code('/mesh request <product>')}`;
    await postDirect(scope.client, user.userId, buildConfirmationMessage({ mrkdwn: `${mention(scope.ctx.user).mrkdwn} mapped you as ${command.persona} of account ${code(command.accountId)}. You can now ${next}.` }));
  } catch (error) {
    scope.log.warn({ err: error, mapped: user.userId }, 'could not tell the mapped user');
  }
  await scope.reply(buildConfirmationMessage({ mrkdwn: `${who} now acts as ${command.persona} of ${code(command.accountId)}.` }, 'They were told by DM.'));
}

/** `/mesh admin unmap @user <account>`: the person no longer acts for the account. */
export async function answerAdminUnmap(scope: CommandScope, command: CommandOf<'admin-unmap'>): Promise<void> {
  const user = userOf(scope, command.userId);
  const change = await scope.deps.mesh.unmapUser(scope.ctx, { user, accountId: command.accountId });
  const who = mention(user).mrkdwn;
  await scope.reply(
    buildConfirmationMessage({
      mrkdwn: change.changed ? `${who} no longer acts for ${code(command.accountId)}.` : `${who} did not act for ${code(command.accountId)}; nothing changed.`,
    }),
  );
}

/**
 * `/mesh admin enable <account> producer|consumer [--query-roles …]`: checks the account's Lake
 * Formation settings (and a consumer's query roles, with IAM) first; the mesh lists what is missing.
 */
export async function answerAdminEnable(scope: CommandScope, command: CommandOf<'admin-enable'>): Promise<void> {
  const { account, changed } = await scope.deps.mesh.enableAccount(scope.ctx, {
    accountId: command.accountId,
    as: command.persona,
    ...(command.queryRoles !== undefined && { queryPrincipals: command.queryRoles }),
  });
  const roles = [account.producer ? 'producer' : undefined, account.consumer ? 'consumer' : undefined].filter((r) => r !== undefined).join(' and ');
  const queryRoles = account.queryPrincipals ?? [];
  const who =
    command.persona !== 'consumer'
      ? ''
      : queryRoles.length > 0
        ? ` Granted access goes to its query roles ${queryRoles.map(code).join(', ')}.`
        : ` It names no query roles yet, so granted access reaches the account but nobody can query it: add them with ${code(`/mesh admin enable ${account.accountId} consumer --query-roles <role,…>`)}.`;
  const next = `Map its people with ${code(`/mesh admin map @user ${account.accountId} ${command.persona}`)}.${who}`;
  await scope.reply(
    buildConfirmationMessage(
      { mrkdwn: changed ? `Account ${code(account.accountId)} is enabled as ${roles}.` : `Account ${code(account.accountId)} was already enabled as ${roles}; nothing changed.` },
      { mrkdwn: next },
    ),
  );
}

/** `/mesh admin accounts`: the accounts enabled in the mesh and their roles. */
export async function answerAdminAccounts(scope: CommandScope): Promise<void> {
  await scope.reply(await accountsPage(scope.deps, scope.ctx));
}
