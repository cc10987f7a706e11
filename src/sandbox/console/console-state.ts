import type { SandboxBotView } from '../bot/sandbox-bot';
import { SUBSCRIPTION_STATUSES } from '../../mesh/domain/subscription-status';
import type { Subscription } from '../../mesh/domain/subscription';
import type { ConsoleMesh, ConsoleSlack } from './console-types';
import { consoleMesh } from './mesh-view';
import { consoleSlack } from './slack-view';

/** The parts of the running sandbox the console reads and drives. */
export type ConsoleSandbox = Pick<SandboxBotView, 'eventsUrl' | 'aws' | 'store' | 'storeWrites' | 'slack' | 'deps' | 'jobs'>;

/** What a person may do in the mesh, in words: `producer 111111111111`, `mesh admin`. */
async function rolesByUser(sandbox: ConsoleSandbox, userIds: readonly string[]): Promise<Map<string, string[]>> {
  const { config, stores } = sandbox.deps.mesh.deps;
  const teamId = sandbox.slack.world.team.id;
  const entries = await Promise.all(
    userIds.map(async (userId): Promise<[string, string[]]> => {
      const identity = await stores.identities.get({ teamId, userId });
      const roles = (identity?.personas ?? []).map((p) => `${p.kind} ${p.accountId}`);
      if (config.meshAdmins.some((a) => a.teamId === teamId && a.userId === userId)) roles.unshift('mesh admin');
      return [userId, roles];
    }),
  );
  return new Map(entries);
}

async function allSubscriptions(sandbox: ConsoleSandbox): Promise<Subscription[]> {
  const store = sandbox.deps.mesh.deps.stores.subscriptions;
  // One index query per status: the store has no scan, on purpose; a sandbox holds few.
  const pages = await Promise.all(SUBSCRIPTION_STATUSES.map((status) => store.listByStatus(status, { limit: 100 })));
  return pages.flatMap((p) => p.items);
}

/** The Slack side and the mesh side as they are now. */
export async function readConsoleState(sandbox: ConsoleSandbox): Promise<{ slack: ConsoleSlack; mesh: ConsoleMesh }> {
  const slackState = sandbox.slack.state();
  const people = slackState.users.filter((u) => !u.isBot).map((u) => u.id);
  const [roles, products, subscriptions, world] = await Promise.all([
    rolesByUser(sandbox, people),
    sandbox.deps.mesh.deps.stores.products.search('', { limit: 100 }),
    allSubscriptions(sandbox),
    sandbox.aws.state(),
  ]);
  return {
    slack: consoleSlack(slackState, (id) => roles.get(id) ?? []),
    mesh: consoleMesh(world, products.items, subscriptions),
  };
}
