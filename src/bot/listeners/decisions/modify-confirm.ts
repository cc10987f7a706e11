import type { RespondFn } from '@slack/bolt';
import type { Logger } from 'pino';
import { subscriptionLockKey } from '../../../mesh/execute/grant-lock-key';
import { buildConfirmationMessage } from '../../blocks/confirmation-message';
import { code } from '../../blocks/mrkdwn';
import { ModifyConfirmValueSchema, type ModifyConfirmValue } from '../../blocks/modify-confirmation-message';
import type { SlackMessage } from '../../blocks/slack-types';
import type { BotDeps } from '../../bot-deps';
import { permissionsText } from '../../blocks/subscription-facts';
import { buildErrorMessage } from '../../blocks/error-message';
import { replyError } from '../reply-error';
import { buttonValue, scopeOf, type ClickArgs } from '../interaction/interaction-scope';
import { replyToClicker } from '../interaction/reply-to-clicker';

/** The confirmation's value, or undefined when it is not one the bot wrote. */
function confirmedValue(raw: string): ModifyConfirmValue | undefined {
  try {
    const parsed = ModifyConfirmValueSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Replace the confirmation the button was in (its buttons go); elsewhere, answer the clicker. */
function replaceConfirmation(args: Pick<ClickArgs, 'body' | 'client'> & { respond: RespondFn }, log: Logger): (message: SlackMessage) => Promise<unknown> {
  const { body, client, respond } = args;
  const fallback = replyToClicker(client, body, respond, log);
  if (body.response_url === '') return fallback;
  return async (message) => {
    try {
      return await respond({ replace_original: true, text: message.text, blocks: message.blocks });
    } catch (error) {
      log.warn({ err: error }, 'could not replace the confirmation');
      return fallback(message);
    }
  };
}

/**
 * [Confirm] on `/mesh modify`'s answer: check everything again, as the modify itself will (the decider,
 * the move, the offer, the columns, and that the subscription is still the version previewed), then
 * queue the `modify` job and say so in place of the confirmation. A stale or refused confirmation
 * changes nothing and says why.
 */
export function modifyConfirmListener(deps: BotDeps) {
  return async ({ ack, body, action, client, respond }: ClickArgs): Promise<void> => {
    await ack();
    const value = confirmedValue(buttonValue(action));
    const { ctx, log } = scopeOf(deps, body, value?.id);
    const answer = replaceConfirmation({ body, client, respond }, log);
    if (value === undefined) {
      await answer(buildErrorMessage({ message: 'This confirmation is out of date.', hint: 'Run `/mesh modify` again.' }));
      return;
    }
    try {
      const { id, permissions, reason, version } = value;
      const { subscription } = await deps.mesh.previewDecision(ctx, { id, kind: 'modify', changes: { permissions }, expectedVersion: version });
      const channel = body.channel?.id;
      await deps.jobs.enqueue({
        kind: 'modify',
        input: { id, permissions, reason, expectedVersion: version },
        ctx,
        ...(channel !== undefined && { replyTo: { channel, user: body.user.id } }),
        group: subscriptionLockKey(subscription),
      });
      log.info('modify confirmed; job queued');
      await answer(
        buildConfirmationMessage(
          { mrkdwn: `Modifying subscription ${code(id)} to ${permissionsText(permissions)}…` },
          'Every message about it is updated when the grants are changed, and the requester is told, with your reason.',
        ),
      );
    } catch (error) {
      await replyError(error, answer, log, deps.newId());
    }
  };
}

/** [Cancel] on `/mesh modify`'s answer: nothing changes; the confirmation says so, without its buttons. */
export function modifyCancelListener(deps: BotDeps) {
  return async ({ ack, body, action, client, respond }: ClickArgs): Promise<void> => {
    await ack();
    const { log } = scopeOf(deps, body, buttonValue(action));
    await replaceConfirmation({ body, client, respond }, log)(buildConfirmationMessage({ mrkdwn: `Modify of ${code(buttonValue(action))} cancelled: nothing changed.` }));
  };
}
