import type { SandboxBotView } from '../bot/sandbox-bot';
import type { ConsoleMesh, ConsoleSlack } from './console-types';
import { consoleMesh } from './mesh-view';
import { consoleSlack } from './slack-view';

/** The parts of the running sandbox the console reads and drives. */
export type ConsoleSandbox = Pick<SandboxBotView, 'eventsUrl' | 'aws' | 'store' | 'storeWrites' | 'slack' | 'deps' | 'inspect' | 'jobs'>;

/** What a person may do in the mesh, in words: `producer 111111111111`, `mesh admin`. */
async function rolesByUser(sandbox: ConsoleSandbox, userIds: readonly string[]): Promise<Map<string, string[]>> {
  const { inspect } = sandbox;
  const admins = inspect.meshAdmins();
  const teamId = sandbox.slack.world.team.id;
  const entries = await Promise.all(
    userIds.map(async (userId): Promise<[string, string[]]> => {
      const identity = await inspect.identity({ teamId, userId });
      const roles = (identity?.personas ?? []).map((p) => `${p.kind} ${p.accountId}`);
      if (admins.some((a) => a.teamId === teamId && a.userId === userId)) roles.unshift('mesh admin');
      return [userId, roles];
    }),
  );
  return new Map(entries);
}

/** The Slack side and the mesh side as they are now. */
export async function readConsoleState(sandbox: ConsoleSandbox): Promise<{ slack: ConsoleSlack; mesh: ConsoleMesh }> {
  const slackState = sandbox.slack.state();
  const people = slackState.users.filter((u) => !u.isBot).map((u) => u.id);
  const [roles, products, subscriptions, world] = await Promise.all([
    rolesByUser(sandbox, people),
    sandbox.inspect.products(),
    sandbox.inspect.subscriptionsByStatus(),
    sandbox.aws.state(),
  ]);
  return {
    slack: consoleSlack(slackState, (id) => roles.get(id) ?? []),
    mesh: consoleMesh(world, products, subscriptions),
  };
}
