import { InvalidInputError, NotAuthorizedError } from '../../../mesh/errors';
import type { PublishInput } from '../../../mesh/service/products/publish-product';
import type { CommandOf } from '../../commands/mesh-command';
import { message, section } from '../../blocks/block-kit';
import { code } from '../../blocks/mrkdwn';
import type { SlackMessage } from '../../blocks/slack-types';
import { replyToOf, type CommandScope } from './command-scope';
import { meshAdminsOf, unmappedRefusal } from './unmapped-refusal';

/** The producer account the user publishes from: the one they act for as producer. */
async function producerAccountOf(scope: CommandScope): Promise<string> {
  const me = await scope.deps.mesh.whoami(scope.ctx);
  const accounts = [...new Set(me.personas.filter((p) => p.kind === 'producer').map((p) => p.accountId))].sort();
  const [only] = accounts;
  if (accounts.length === 1 && only !== undefined) return only;
  if (accounts.length === 0) {
    // `me` already says whether they are mapped at all: no second whoami to explain it.
    if (!me.meshAdmin && me.personas.length === 0) throw unmappedRefusal(scope, 'producer', 'publish');
    throw new NotAuthorizedError({
      reason: 'not_producer_of_any',
      params: { meshAdmins: meshAdminsOf(scope) },
      message: 'you are not mapped as a producer of any account',
      hint: 'ask a mesh admin to map you as a producer',
    });
  }
  // The grammar has no way to name the account yet: refuse rather than guess.
  throw new InvalidInputError({
    reason: 'several_producer_accounts',
    params: { accounts },
    message: `you publish for several accounts (${accounts.join(', ')}) and the command cannot say which`,
    hint: 'ask a mesh admin to keep one producer mapping for you while you publish',
  });
}

/** What the publisher sees while the publish runs; the outcome replaces it. */
export function buildPublishProgressMessage(database: string): SlackMessage {
  const text = `:hourglass_flowing_sand: Publishing ${code(database)}… this message will say what was done.`;
  return message(`Publishing ${database}…`, [section(text)]);
}

/**
 * `/mesh publish <db> [pattern] [--options]`: the publisher's right and the input are checked first
 * (a refusal is the only answer), then "Publishing…" is shown and a `publish` job mirrors the tables,
 * posts the product card to the products channel and replaces that message with what it did.
 */
export async function answerPublish(scope: CommandScope, command: CommandOf<'publish'>): Promise<void> {
  const producerAccountId = await producerAccountOf(scope);
  const input: PublishInput = {
    producerAccountId,
    sourceDatabase: command.database,
    ...(command.tablePattern !== undefined && { tablePattern: command.tablePattern }),
    ...(command.meshDatabase !== undefined && { meshDatabase: command.meshDatabase }),
    ...(command.name !== undefined && { name: command.name }),
    ...(command.domain !== undefined && { domain: command.domain }),
    ...(command.description !== undefined && { description: command.description }),
    ...(command.offeredPermissions !== undefined && { offeredPermissions: command.offeredPermissions }),
    // Owners are people of the command's workspace.
    ...(command.owners !== undefined && { owners: command.owners.map((userId) => ({ teamId: scope.ctx.user.teamId, userId })) }),
    // Only --no-public is said on purpose; otherwise a re-publish keeps the product's setting.
    ...(!command.publicMetadata && { publicMetadata: false }),
  };
  await scope.deps.mesh.checkPublish(scope.ctx, input);
  await scope.reply(buildPublishProgressMessage(command.database));
  const { responseUrl } = scope.origin;
  await scope.deps.jobs.enqueue({ kind: 'publish', input, ctx: scope.ctx, replyTo: replyToOf(scope), ...(responseUrl !== undefined && { progressUrl: responseUrl }) });
  scope.log.info({ producerAccountId, database: command.database }, 'publish enqueued');
}
