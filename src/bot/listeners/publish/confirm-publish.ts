import { message, section } from '../../blocks/block-kit';
import { PublishConfirmValueSchema } from '../../blocks/publish-confirm-message';
import type { SlackMessage } from '../../blocks/slack-types';
import type { BotDeps } from '../../bot-deps';
import { buildPublishProgressMessage } from '../commands/publish-command';
import { buttonValue, scopeOf, type ClickArgs } from '../interaction/interaction-scope';
import { replyToClicker } from '../interaction/reply-to-clicker';
import { replyError } from '../reply-error';
import { PublishInputSchema } from '../../../mesh/service/products/publish-product';
import { parseInput } from '../../../mesh/service/parse-input';

/** Replace the clicked question with `content` (it is the clicker's own ephemeral, or a DM). */
function replaceQuestion(respond: ClickArgs['respond'], content: SlackMessage): Promise<unknown> {
  return respond({ replace_original: true, response_type: 'ephemeral', text: content.text, blocks: content.blocks });
}

/**
 * [Publish anyway] on the question a publish asked: the clicker's right and the publish are checked
 * again, then the question becomes "Publishing…" and a `publish` job
 * applies it with the effect confirmed. The mesh refuses it as stale when the product or its
 * subscriptions moved since the question was shown.
 */
export function confirmPublishListener(deps: BotDeps) {
  return async ({ ack, body, action, client, respond }: ClickArgs): Promise<void> => {
    // The check reads the producer's catalog, which may outlast Slack's 3 seconds: ack first, answer after.
    await ack();
    const { ctx, log } = scopeOf(deps, body);
    const reply = replyToClicker(client, body, respond, log);
    let value;
    try {
      const confirm = PublishConfirmValueSchema.parse(JSON.parse(buttonValue(action)));
      const input = { ...parseInput(PublishInputSchema, confirm.input, 'publish'), confirmed: { version: confirm.version, fingerprint: confirm.fingerprint } };
      // The clicker's own right, and the publish as it stands now: a refusal is the only answer.
      await deps.mesh.checkPublish(ctx, input);
      value = input;
    } catch (error) {
      await replyError(error, reply, log, deps.newId());
      return;
    }
    await replaceQuestion(respond, buildPublishProgressMessage(value.sourceDatabase));
    const replyTo = { channel: body.channel?.id ?? body.user.id, user: body.user.id };
    await deps.jobs.enqueue({ kind: 'publish', input: value, ctx, replyTo, ...(body.response_url !== '' && { progressUrl: body.response_url }) });
    log.info({ productVersion: value.confirmed.version }, 'publish confirmed');
  };
}

/** [Cancel] on the question a publish asked: nothing is published, and the question says so. */
export function cancelPublishListener(deps: BotDeps) {
  return async ({ ack, body, action, respond }: ClickArgs): Promise<void> => {
    await ack();
    const { log } = scopeOf(deps, body);
    await replaceQuestion(respond, message('Publish cancelled: nothing was changed.', [section(`:heavy_multiplication_x: Publish cancelled: nothing was changed in \`${buttonValue(action)}\`.`)]));
    log.info('publish cancelled');
  };
}
