import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { slackUserKey, type SlackUser } from '../domain/slack-user';
import { SubscriptionSchema, type Subscription } from '../domain/subscription';
import type { SubscriptionStatus } from '../domain/subscription-status';
import { getItem } from './get-item';
import { applyEvent, type SubscriptionChange } from '../domain/apply-event';
import { StaleWriteError, subscriptionNotFound } from '../errors';
import type { Page, PageRequest } from './page';
import { queryIndex } from './query-index';
import { SUBSCRIPTIONS_TABLE, tableName, type IndexDefinition } from './table-definitions';
import { putVersioned } from './versioned-put';

/** Where the store keeps subscriptions. */
export interface SubscriptionStoreOptions {
  client: DynamoDBDocumentClient;
  tablePrefix: string;
}

/** Subscriptions in DynamoDB: every write is one conditional put on the item's version. */
export type SubscriptionStore = ReturnType<typeof createSubscriptionStore>;

const { byProducerStatus, byConsumer, byProduct, byRequester, byStatus } = SUBSCRIPTIONS_TABLE.indexes;

function toItem(subscription: Subscription): Subscription & Record<string, unknown> {
  return {
    ...subscription,
    gsiProducerStatus: `${subscription.producerAccountId}#${subscription.status}`,
    gsiRequester: slackUserKey(subscription.requester),
  };
}

const keyOf = (item: { id?: unknown }): string => `subscription ${String(item.id)}`;

/** Build the subscription store over a DynamoDB document client. */
export function createSubscriptionStore({ client, tablePrefix }: SubscriptionStoreOptions) {
  const table = tableName(tablePrefix, SUBSCRIPTIONS_TABLE);
  const list = (index: IndexDefinition, partition: string, page?: PageRequest): Promise<Page<Subscription>> =>
    queryIndex({ client, table, index, partition, schema: SubscriptionSchema, keyOf }, page);

  /** Read one subscription (strongly consistent), or undefined. */
  const get = (id: string): Promise<Subscription | undefined> => getItem(client, table, { id }, SubscriptionSchema, keyOf({ id }));

  /** Write a subscription: version 1 creates it, version n+1 replaces version n (see putVersioned). */
  const save = (subscription: Subscription): Promise<void> =>
    putVersioned({
      client,
      table,
      keyName: 'id',
      label: keyOf(subscription),
      item: toItem(subscription),
      reread: () => get(subscription.id),
    });

  /**
   * Apply a change to a subscription the caller has just loaded (and checked), with one conditional
   * write on the loaded version: no second read when nobody wrote meanwhile. If somebody did, the
   * change is judged again against the state that won: refused as `record` refuses it (e.g.
   * AlreadyDecidedError); else, with `rebase` (a job's outcome, which holds whatever the state),
   * applied on top of it, and without (a person's decision, made on the state they saw)
   * StaleWriteError.
   */
  const apply = async (loaded: Subscription, change: SubscriptionChange, onConflict: 'refuse' | 'rebase' = 'refuse'): Promise<Subscription> => {
    const result = applyEvent(loaded, change);
    if (!result.ok) throw result.error;
    try {
      await save(result.next);
      return result.next;
    } catch (error) {
      if (!(error instanceof StaleWriteError)) throw error;
      const winner = await get(loaded.id);
      const rejudged = winner && applyEvent(winner, change);
      if (rejudged && !rejudged.ok) throw rejudged.error;
      if (!rejudged || onConflict === 'refuse') throw error;
      await save(rejudged.next);
      return rejudged.next;
    }
  };

  return {
    get,
    save,

    /**
     * Apply a change (approve, deny, grant-succeeded…) to the stored subscription in one conditional
     * write. Of concurrent changes exactly one wins; a loser is re-judged against the state that won,
     * so a second approval gets AlreadyDecidedError naming who decided, not a bare conflict. With
     * `basedOn` (the version the change was decided on), a subscription that moved on since refuses
     * the change (StaleWriteError) instead of taking it on a state it was not decided for.
     */
    async record(id: string, change: SubscriptionChange, basedOn?: number): Promise<Subscription> {
      const current = await get(id);
      if (!current) throw subscriptionNotFound(id);
      if (basedOn !== undefined && current.version !== basedOn) throw new StaleWriteError(keyOf(current), basedOn, current);
      return apply(current, change);
    },

    apply,

    /** Requests of a producer account in one status (PENDING: waiting for its owners). */
    listForProducer: (producerAccountId: string, status: SubscriptionStatus, page?: PageRequest) =>
      list(byProducerStatus, `${producerAccountId}#${status}`, page),
    /** Subscriptions of a consumer account. */
    listForConsumer: (consumerAccountId: string, page?: PageRequest) => list(byConsumer, consumerAccountId, page),
    /** Subscriptions to a product. */
    listForProduct: (productId: string, page?: PageRequest) => list(byProduct, productId, page),
    /** Subscriptions a Slack user requested. */
    listForRequester: (requester: SlackUser, page?: PageRequest) => list(byRequester, slackUserKey(requester), page),
    /** Subscriptions in one status, across the mesh. */
    listByStatus: (status: SubscriptionStatus, page?: PageRequest) => list(byStatus, status, page),
  };
}
