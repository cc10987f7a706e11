/**
 * What the console page is sent (`GET /_console/state`, and every `state` event of
 * `/_console/events`): the sandbox's Slack as each persona sees it, and the mesh as it is now.
 * Types only, shared by the server and the page's bundle.
 */

/** A person of the sandbox workspace and what the mesh lets them do. */
export interface ConsolePerson {
  id: string;
  name: string;
  realName: string;
  /** e.g. `producer 111111111111`, `mesh admin`; empty when the person is not mapped yet. */
  roles: string[];
}

/** A channel or the bot's DM with one person. */
export interface ConsoleChannel {
  id: string;
  name: string;
  kind: 'channel' | 'im' | 'mpim';
  /** For a DM: the person the bot talks to. */
  user?: string;
}

/** A message as the page shows it (a posted one, or an ephemeral one only its user sees). */
export interface ConsoleMessage {
  ts: string;
  channel: string;
  /** Who posted it (the bot's user id for the bot). */
  user: string;
  text: string;
  blocks: unknown[];
  edited: boolean;
  ephemeral: boolean;
}

/** A modal or App Home view as Slack holds it. */
export interface ConsoleView {
  id: string;
  type: 'modal' | 'home';
  hash: string;
  callbackId: string;
  title?: unknown;
  submit?: unknown;
  close?: unknown;
  blocks: unknown[];
  /** Errors by block id, after a submission answered `response_action: errors`. */
  errors: Record<string, string>;
}

/** The Slack side of the sandbox. */
export interface ConsoleSlack {
  team: { id: string; name: string };
  botUserId: string;
  people: ConsolePerson[];
  channels: ConsoleChannel[];
  /** Posted messages by channel id, oldest first. */
  messages: Record<string, ConsoleMessage[]>;
  /** Ephemeral messages by the user who sees them, oldest first. */
  ephemerals: Record<string, ConsoleMessage[]>;
  /** Open modals by user, root first (the last one is on top). */
  modals: Record<string, ConsoleView[]>;
  /** Published App Homes by user. */
  homes: Record<string, ConsoleView>;
}

/** A Glue table, or a resource link to one. */
export interface ConsoleTable {
  name: string;
  /** For a resource link: `<catalog>:<database>.<table>`. */
  linkTo?: string;
  columns: number;
}

/** A Glue database, or a resource link to one. */
export interface ConsoleDatabase {
  name: string;
  /** For a resource link: `<catalog>:<database>`. */
  linkTo?: string;
  tables: ConsoleTable[];
}

/** One Lake Formation grant on a resource of the account's catalog. */
export interface ConsoleGrant {
  id: string;
  /** e.g. `account 999999999999`, `role MeshbotConsumer`. */
  principal: string;
  /** e.g. `table telco-111111111111.usecase1_cell_kpis (all columns)`. */
  resource: string;
  permissions: string[];
  grantable: string[];
}

/** A RAM invitation to share resources with the account (or from it). */
export interface ConsoleInvitation {
  arn: string;
  shareName: string;
  sender: string;
  receiver: string;
  status: string;
  createdAt: string;
}

/** An account of the mesh with its catalog, grants and invitations. */
export interface ConsoleAccount {
  id: string;
  name: string;
  databases: ConsoleDatabase[];
  /** Grants on resources this account's catalog owns. */
  grants: ConsoleGrant[];
  /** Invitations this account received. */
  invitations: ConsoleInvitation[];
}

/** A published data product. */
export interface ConsoleProduct {
  id: string;
  name: string;
  producerAccountId: string;
  tables: string[];
  owners: string[];
  version: number;
}

/** One line of a subscription's history. */
export interface ConsoleHistoryEntry {
  at: string;
  /** A Slack user id, or `Meshbot (<job>)`. */
  actor: string;
  event: string;
  from?: string;
  to: string;
  note?: string;
}

/** One Lake Formation entry of a subscription's grant plan and what happened to it last. */
export interface ConsolePlanEntry {
  principal: string;
  resource: string;
  permissions: string[];
  grantable: string[];
  /** `DONE`, `FAILED` (with the error code) or `planned` when not executed yet. */
  outcome: string;
}

/** A subscription and its history. */
export interface ConsoleSubscription {
  id: string;
  status: string;
  productId: string;
  consumerAccountId: string;
  requester: string;
  tables: string[];
  requestedPermissions: string[];
  grantedPermissions: string[];
  justification: string;
  decidedBy?: string;
  decisionNotes?: string;
  /** The SQL names to query through the links, as the bot tells the requester: `"telco-111111111111"."usecase1_cell_kpis"`. */
  links: string[];
  /** The exact grant plan, entry by entry. */
  plan: ConsolePlanEntry[];
  /** The resource links created for the consumer: `999999999999: telco-111111111111 → 555555555555:telco-111111111111`. */
  resourceLinks: string[];
  createdAt: string;
  updatedAt: string;
  history: ConsoleHistoryEntry[];
}

/** The mesh side of the sandbox. */
export interface ConsoleMesh {
  accounts: ConsoleAccount[];
  products: ConsoleProduct[];
  subscriptions: ConsoleSubscription[];
}

/** Everything the page shows. */
export interface ConsoleState {
  /** Increases with every change the server noticed. */
  version: number;
  slack: ConsoleSlack;
  mesh: ConsoleMesh;
}
