import * as z from 'zod';
import { SANDBOX_ACCOUNTS } from '../seed/sandbox-accounts';

/**
 * The sandbox's Slack workspace: one team, the mesh's people, the bot, #data-products. One source for
 * the fake Slack API, the payload builders, the tests and the README. The token and signing secret
 * are fixed public strings that only the sandbox accepts, so docs can print them.
 */

export const SANDBOX_TEAM = { id: 'T0SANDBOX', name: 'Sandbox', domain: 'sandbox' } as const;

/** The Slack app: its id, its bot user and bot id. */
export const SANDBOX_APP = { appId: 'A0MESHBOT', botUserId: 'U0MESHBOT', botId: 'B0MESHBOT', botName: 'meshbot' } as const;

/** The bot token the fake Slack API accepts (`Authorization: Bearer …`). */
export const SANDBOX_BOT_TOKEN = 'xoxb-sandbox-meshbot-token';

/** The signing secret of the sandbox app unless `SLACK_SIGNING_SECRET` says otherwise. */
export const SANDBOX_SIGNING_SECRET = 'sandbox-signing-secret-meshbot';

/** The legacy verification token Slack still puts in payloads (Bolt ignores it). */
export const SANDBOX_VERIFICATION_TOKEN = 'sandbox-verification-token';

/** What a seeded person does in the mesh, for whoever seeds the bot's identity mapping. */
export interface SandboxPersona {
  role: 'producer' | 'consumer' | 'admin';
  accountId: string;
}

/** The seeded people, by role in the walkthrough. */
export const SANDBOX_USERS = {
  producer: { id: 'U0PRODUCER', name: 'pat', realName: 'Pat', persona: { role: 'producer', accountId: SANDBOX_ACCOUNTS.producer.id } },
  consumer: { id: 'U0CONSUMER', name: 'casey', realName: 'Casey', persona: { role: 'consumer', accountId: SANDBOX_ACCOUNTS.consumer.id } },
  admin: { id: 'U0ADMIN', name: 'ada', realName: 'Ada', persona: { role: 'admin', accountId: SANDBOX_ACCOUNTS.mesh.id } },
  secondOwner: { id: 'U0OWNER2', name: 'sam', realName: 'Sam', persona: { role: 'producer', accountId: SANDBOX_ACCOUNTS.producer.id } },
} as const satisfies Record<string, { id: string; name: string; realName: string; persona: SandboxPersona }>;

/** The seeded public channel where products are announced. */
export const SANDBOX_CHANNELS = {
  dataProducts: { id: 'C0PRODUCTS', name: 'data-products' },
} as const;

/** The seeded user groups (`usergroups.users.list`). */
export const SANDBOX_USERGROUPS = {
  meshAdmins: { id: 'S0MESHADMINS', handle: 'mesh-admins', name: 'Mesh admins', users: [SANDBOX_USERS.admin.id] },
  telcoOwners: { id: 'S0TELCOOWNERS', handle: 'telco-owners', name: 'Telco owners', users: [SANDBOX_USERS.producer.id, SANDBOX_USERS.secondOwner.id] },
} as const;

/** A person (or bot) of the workspace; also the body of `POST /_sandbox/slack/users`. */
export const SlackUserSchema = z
  .object({
    id: z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'must be a Slack user id such as U0ALICE'),
    name: z.string().min(1).max(80),
    realName: z.string().min(1).max(80),
    email: z.email().optional(),
    isAdmin: z.boolean().default(false),
    isBot: z.boolean().default(false),
    botId: z.string().optional(),
    tz: z.string().default('Europe/Berlin'),
  })
  .strict();

export type SlackUser = z.output<typeof SlackUserSchema>;
export type SlackUserInput = z.input<typeof SlackUserSchema>;

/** A channel, DM or group DM. */
export interface SlackChannel {
  id: string;
  name: string;
  kind: 'channel' | 'im' | 'mpim';
  isPrivate: boolean;
  /** For a DM: the other person. */
  user?: string;
  members: string[];
  /** Epoch seconds. */
  created: number;
}

export interface SlackUsergroup {
  id: string;
  handle: string;
  name: string;
  users: string[];
}

/** The workspace the fake Slack API serves (mutable: users and DMs are added at runtime). */
export interface SlackWorld {
  team: { id: string; name: string; domain: string };
  users: Record<string, SlackUser>;
  channels: Record<string, SlackChannel>;
  usergroups: Record<string, SlackUsergroup>;
}

/** The signing secret to use: `SLACK_SIGNING_SECRET` when set, else the sandbox default. */
export function sandboxSigningSecret(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.SLACK_SIGNING_SECRET;
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : SANDBOX_SIGNING_SECRET;
}

/** The DM channel id of a user: stable, `D` + the user id without its first letter (`U0PRODUCER` → `D0PRODUCER`). */
export function dmChannelId(userId: string): string {
  return `D${userId.slice(1)}`;
}

/** A fresh copy of the seeded workspace. */
export function createSlackWorld(options: { now?: number } = {}): SlackWorld {
  const created = Math.floor((options.now ?? Date.parse('2026-01-01T00:00:00Z')) / 1000);
  const people = Object.values(SANDBOX_USERS).map((u) =>
    SlackUserSchema.parse({ id: u.id, name: u.name, realName: u.realName, email: `${u.name}@sandbox.example`, isAdmin: u.persona.role === 'admin' }),
  );
  const bot = SlackUserSchema.parse({ id: SANDBOX_APP.botUserId, name: SANDBOX_APP.botName, realName: 'Meshbot', isBot: true, botId: SANDBOX_APP.botId });
  const users = Object.fromEntries([...people, bot].map((u) => [u.id, u]));
  const products: SlackChannel = {
    id: SANDBOX_CHANNELS.dataProducts.id,
    name: SANDBOX_CHANNELS.dataProducts.name,
    kind: 'channel',
    isPrivate: false,
    members: Object.keys(users),
    created,
  };
  const usergroups = Object.fromEntries(Object.values(SANDBOX_USERGROUPS).map((g) => [g.id, { ...g, users: [...g.users] }]));
  return { team: { ...SANDBOX_TEAM }, users, channels: { [products.id]: products }, usergroups };
}

/** Add (or replace) a person; a new person joins the workspace's public channels, as in Slack. */
export function addSlackUser(world: SlackWorld, input: SlackUserInput): SlackUser {
  const user = SlackUserSchema.parse(input);
  world.users[user.id] = user;
  for (const channel of Object.values(world.channels)) {
    if (channel.kind === 'channel' && !channel.isPrivate && !channel.members.includes(user.id)) channel.members.push(user.id);
  }
  return user;
}
