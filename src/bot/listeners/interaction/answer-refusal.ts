import type { Logger } from 'pino';
import { AlreadyDecidedError } from '../../../mesh/errors';
import type { RequestContext } from '../../../mesh/service/request-context';
import { buildAlreadyDecidedMessage, type AlreadyDecidedOptions } from '../../blocks/already-decided-message';
import type { SlackMessage } from '../../blocks/slack-types';
import type { BotDeps } from '../../bot-deps';
import { replyError } from '../reply-error';

/**
 * For the loser of a race or a second click: who decided first and what the request is now, through
 * `reply`. False when `error` is not "already decided", or the request (or the reply) failed.
 */
export async function answerAlreadyDecided(
  deps: BotDeps,
  error: unknown,
  reply: (message: SlackMessage) => Promise<unknown>,
  ctx: RequestContext,
  log: Logger,
  options: AlreadyDecidedOptions = {},
): Promise<boolean> {
  if (!(error instanceof AlreadyDecidedError)) return false;
  try {
    const current = await deps.mesh.getSubscription(ctx, { id: error.subscriptionId });
    log.info({ status: current.status }, 'already decided');
    await reply(buildAlreadyDecidedMessage(current, options));
    return true;
  } catch (readFailure) {
    log.warn({ err: readFailure }, 'could not read the decided subscription');
    return false;
  }
}

/**
 * Tell the clicker why nothing happened: who decided first and what the request is now (the loser of
 * a race, a second click), or — for anything else — the refusal through `replyError`.
 */
export async function answerRefusal(
  deps: BotDeps,
  error: unknown,
  reply: (message: SlackMessage) => Promise<unknown>,
  ctx: RequestContext,
  log: Logger,
  options: AlreadyDecidedOptions = {},
): Promise<void> {
  if (await answerAlreadyDecided(deps, error, reply, ctx, log, options)) return;
  await replyError(error, reply, log, deps.newId());
}
