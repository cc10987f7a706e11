import type { Logger } from 'pino';
import type { ReasonParams } from '../../../mesh/error-reasons';
import { InvalidInputError } from '../../../mesh/errors';
import { buildPublishConfirmMessage } from '../../blocks/publish-confirm-message';
import type { DataProduct } from '../../../mesh/domain/data-product';
import { slackUserKey, type SlackUser } from '../../../mesh/domain/slack-user';
import { buildOwnersChangedMessage } from '../../blocks/owners-changed-message';
import { postDirect } from '../../notify/slack-dm';
import { parseInput } from '../../../mesh/service/parse-input';
import { PublishInputSchema } from '../../../mesh/service/products/publish-product';
import { buildProductCard } from '../../blocks/product-card';
import type { SlackMessage } from '../../blocks/slack-types';
import type { BotJob } from '../../bot-job';
import { buildPublishSummaryMessage } from '../../listeners/commands/publish-summary-message';
import { postEphemeralOrDirect } from './job-context';
import type { JobDeps } from '../job-deps';
import type { JobDelivery } from '../queue/job-queue';
import { failJob } from './job-failure';

type PublishJob = Extract<BotJob, { kind: 'publish' }>;

/** Where the card is, or why there is none. */
type CardOutcome = { card: { channel: string; permalink?: string } } | { noCard: string };

/**
 * Post the product card to the products channel, or update the cards already there: a re-publish
 * refreshes the one card instead of announcing the product twice. Each card is remembered as a
 * notice of the product id.
 */
async function announceProduct(deps: JobDeps, product: DataProduct): Promise<CardOutcome> {
  const channel = deps.settings.productsChannel;
  if (!product.publicMetadata) return { noCard: 'Not announced: the product is not public (--no-public). Share its id with the people who may ask for it.' };
  if (channel === undefined) return { noCard: 'Not announced: no products channel is configured.' };
  const card = buildProductCard(product);
  let ts: string | undefined;
  for (const ref of (await deps.notices.list(product.id)).filter((r) => r.channel === channel)) {
    try {
      await deps.client.chat.update({ channel, ts: ref.ts, text: card.text, blocks: card.blocks });
      ts ??= ref.ts;
    } catch (error) {
      deps.logger.warn({ err: error, channel, ts: ref.ts }, 'could not update a product card');
    }
  }
  if (ts === undefined) {
    const posted = await deps.client.chat.postMessage({ channel, text: card.text, blocks: card.blocks });
    if (posted.ts === undefined) throw new Error(`Slack answered no ts for the card of ${product.id}`);
    ts = posted.ts;
    await deps.notices.add(product.id, { channel, ts });
  }
  const link = await deps.client.chat.getPermalink({ channel, message_ts: ts }).catch((error: unknown) => {
    deps.logger.info({ err: error }, 'no permalink for the product card');
    return undefined;
  });
  return { card: { channel, ...(link?.permalink !== undefined && { permalink: link.permalink }) } };
}

/** DM every owner before and after an ownership change (but the one who made it), each on its own: one failed DM does not stop the others. */
async function tellOwners(deps: JobDeps, product: DataProduct, previous: readonly SlackUser[], by: SlackUser, log: Logger): Promise<void> {
  const notice = buildOwnersChangedMessage(product, previous, by);
  const everyone = new Map([...previous, ...product.owners].map((user) => [slackUserKey(user), user]));
  everyone.delete(slackUserKey(by));
  for (const user of everyone.values()) {
    try {
      await postDirect(deps.client, user.userId, notice);
    } catch (error) {
      log.warn({ err: error, productId: product.id, owner: user.userId }, 'could not tell an owner that the owners changed');
    }
  }
}

/**
 * Replace the message a response URL belongs to (the publisher's "Publishing…"), as Slack allows for
 * 30 minutes and 5 posts; throws when Slack refuses, so the caller can answer another way.
 */
async function replaceOriginal(url: string, content: SlackMessage): Promise<void> {
  const answer = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ replace_original: true, response_type: 'ephemeral', text: content.text, blocks: content.blocks }),
  });
  if (!answer.ok) throw new Error(`the response URL answered ${String(answer.status)}: ${await answer.text()}`);
}

/**
 * Run a `publish` job: publish the product, post (or refresh) its card, and replace the publisher's
 * "Publishing…" with what was done — or with the question to confirm, when the publish would change a
 * product that has subscribers.
 */
export async function runPublishJob(job: PublishJob, deps: JobDeps, delivery: JobDelivery = { attempt: 1 }): Promise<void> {
  const log = deps.logger;
  // The outcome replaces "Publishing…"; without it (expired, or no URL) the publisher is told where they typed the command, else by DM.
  const tell = async (content: SlackMessage): Promise<unknown> => {
    if (job.progressUrl !== undefined) {
      try {
        await replaceOriginal(job.progressUrl, content);
        return;
      } catch (error) {
        log.info({ err: error }, 'could not replace the progress message; answering in a new one');
      }
    }
    return postEphemeralOrDirect(deps.client, job.replyTo, content, log);
  };
  try {
    const input = parseInput(PublishInputSchema, job.input, 'publish');
    const result = await deps.mesh.publishProduct(job.ctx, input);
    let outcome: CardOutcome;
    try {
      outcome = await announceProduct({ ...deps, logger: log }, result.product);
    } catch (error) {
      // The product is published; only the announcement failed, which the publisher can redo.
      log.error({ err: error, productId: result.product.id }, 'could not post the product card');
      outcome = { noCard: 'The product card could not be posted; publish again to post it.' };
    }
    if (result.previousOwners !== undefined) await tellOwners(deps, result.product, result.previousOwners, job.ctx.user, log);
    await tell(buildPublishSummaryMessage({ result, ...outcome }));
  } catch (error) {
    if (error instanceof InvalidInputError && error.reason === 'publish_needs_confirmation') {
      // Not a failure: the publish waits for its publisher to see the effect on each subscription.
      const { confirmed: _confirmed, ...asked } = job.input;
      await tell(buildPublishConfirmMessage((error.params as ReasonParams['publish_needs_confirmation']).impact, asked));
      return;
    }
    await failJob(deps, job.ctx, error, log, delivery, tell);
  }
}
