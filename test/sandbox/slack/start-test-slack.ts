import { webApi } from '@slack/bolt';
import { startFakeSlackApi, type FakeSlackApiOptions, type RunningFakeSlackApi } from '../../../src/sandbox/slack/fake-slack-api';
import { SANDBOX_BOT_TOKEN } from '../../../src/sandbox/slack/slack-world';

/** A WebClient logger that drops everything: refusals are asserted, not printed. */
export const silentLogger: webApi.Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => webApi.LogLevel.ERROR,
  setName: () => undefined,
};

/** A clock the test moves by hand. */
export interface TestClock {
  now(): number;
  advance(ms: number): void;
}

/** Starts at a fixed instant; time moves only when the test says so. */
export function createTestClock(start = Date.parse('2026-03-01T12:00:00Z')): TestClock {
  let now = start;
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
  };
}

export interface TestSlack {
  slack: RunningFakeSlackApi;
  clock: TestClock;
  /** The real WebClient the bot uses, pointed at the fake (no retries, so errors surface at once). */
  client(token?: string): webApi.WebClient;
}

/** Start the fake Slack API on port 0 with a hand-moved clock (close `slack` in `afterAll`). */
export async function startTestSlack(options: Omit<FakeSlackApiOptions, 'clock' | 'publicUrl'> = {}): Promise<TestSlack> {
  const clock = createTestClock();
  const slack = await startFakeSlackApi({ ...options, clock: () => clock.now(), port: 0 });
  return {
    slack,
    clock,
    client: (token = SANDBOX_BOT_TOKEN) =>
      new webApi.WebClient(token, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 }, logger: silentLogger }),
  };
}
