import * as z from 'zod';
import { BotEnvSchema } from '../src/bot/bot-config';
import { AccountIdSchema } from '../src/mesh/domain/account-id';
import { formatIssues } from '../src/mesh/domain/format-issues';
import { accountOfArn } from '../src/mesh/domain/query-principal';

/** A list given as a JSON array (cdk.json) or comma-separated text (`-c producerAccountIds=111111111111,222222222222`). */
const ListSchema = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .union([z.array(z.string()), z.string()])
    .default([])
    .transform((value) => (Array.isArray(value) ? value : value.split(',')).map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(item));

/** `arn:aws:iam::<account>:role/<path/name>`. */
const IAM_ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

/** The query roles of the context that belong to `accountId`. */
export function queryRolesOf(context: Pick<MeshbotContext, 'queryRoles'>, accountId: string): string[] {
  return context.queryRoles.filter((arn) => accountOfArn(arn) === accountId);
}

/**
 * The CDK context of the Meshbot app, e.g. `-c meshAccountId=555555555555 -c region=eu-west-1
 * -c producerAccountIds=111111111111 -c consumerAccountIds=999999999999`. Only account ids and the
 * region are required; nothing is looked up, so `cdk synth` works offline with no credentials.
 */
export const MeshbotContextSchema = z.object({
  meshAccountId: AccountIdSchema,
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { error: 'region must be an AWS region such as us-east-1' }),
  producerAccountIds: ListSchema(AccountIdSchema),
  consumerAccountIds: ListSchema(AccountIdSchema),
  /** Slack user ids of the first mesh admins (`T…:U…` or `U…`), the bot's `MESH_ADMINS`. */
  meshAdmins: ListSchema(z.string().regex(/^(?:[TE][A-Z0-9]+:)?[UW][A-Z0-9]+$/, { error: (issue) => `${JSON.stringify(issue.input)} is not a Slack user id (U…, or T…:U…)` })),
  /** The #data-products channel id, the bot's `PRODUCTS_CHANNEL`. */
  productsChannel: BotEnvSchema.shape.PRODUCTS_CHANNEL,
  /** More data lake administrators of the mesh account (IAM ARNs), e.g. the people who run it. */
  dataLakeAdmins: ListSchema(z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/[\w+=,.@/-]+$/, { error: 'dataLakeAdmins must be IAM role or user ARNs' })),
  /**
   * IAM roles or users (ARNs) that may assume MeshbotBot to run the bot by hand in Socket Mode against
   * this mesh (`npm start` with Slack tokens): developers, or a CI role. Empty in production.
   */
  localBotPrincipals: ListSchema(z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/[\w+=,.@/-]+$/, { error: 'localBotPrincipals must be IAM role or user ARNs' })),
  /**
   * The consumer accounts' query principals: IAM roles (ARNs) that run Athena queries on what the bot
   * grants. Each consumer account's stack attaches the inline policy QUERY_ACCESS_POLICY to its own.
   */
  queryRoles: ListSchema(z.string().regex(IAM_ROLE_ARN, { error: (issue) => `${JSON.stringify(issue.input)} is not an IAM role ARN (arn:aws:iam::<consumer account>:role/<name>)` })),
  /** Who is told when a job lands in the dead-letter queue. */
  alarmEmail: z.email().optional(),
  logLevel: BotEnvSchema.shape.LOG_LEVEL,
}).superRefine((context, ctx) => {
  // A stack can attach a policy only to roles of its own account: each query role belongs to a consumer.
  context.queryRoles.forEach((arn, index) => {
    const account = accountOfArn(arn);
    if (arn.includes(':role/aws-reserved/')) {
      ctx.addIssue({
        code: 'custom',
        path: ['queryRoles', index],
        message: `${arn} is a role AWS reserves (an IAM Identity Center permission set's), which no stack may change: add the actions of the query access policy to its permission set instead, and leave it out of queryRoles`,
      });
    } else if (!context.consumerAccountIds.includes(account)) {
      ctx.addIssue({
        code: 'custom',
        path: ['queryRoles', index],
        message: `${arn} is a role of account ${account}, which is not one of consumerAccountIds (${context.consumerAccountIds.join(', ') || 'none'}): a query role belongs to a consumer account, whose stack attaches its policy`,
      });
    }
  });
});

export type MeshbotContext = z.infer<typeof MeshbotContextSchema>;

/** The names `MeshbotContextSchema` reads from the CDK context. */
export const CONTEXT_KEYS = Object.keys(MeshbotContextSchema.shape) as (keyof MeshbotContext)[];

/** A context value is missing or malformed: synthesis stops with what to pass. */
export class MeshbotContextError extends Error {
  override readonly name = 'MeshbotContextError';
}

/** Parse the Meshbot context from a lookup (`app.node.tryGetContext`). */
export function readMeshbotContext(lookup: (key: string) => unknown): MeshbotContext {
  const raw: Record<string, unknown> = {};
  for (const key of CONTEXT_KEYS) {
    const value = lookup(key);
    if (value !== undefined) raw[key] = value;
  }
  const parsed = MeshbotContextSchema.safeParse(raw);
  if (!parsed.success) {
    throw new MeshbotContextError(`Meshbot's CDK context is incomplete: ${formatIssues(parsed.error)} (e.g. npx cdk synth -c meshAccountId=555555555555 -c region=us-east-1 -c producerAccountIds=111111111111 -c consumerAccountIds=999999999999)`);
  }
  return parsed.data;
}
