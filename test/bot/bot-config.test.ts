import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BotEnvSchema, runModeOf, settingProblems } from '../../src/bot/bot-config';
import { createLogger } from '../../src/bot/logger';

describe('bot configuration', () => {
  it('runs on the sandbox when nothing is configured', () => {
    const env = BotEnvSchema.parse({});
    expect(runModeOf(env)).toBe('sandbox');
    expect(env).toMatchObject({ AWS_REGION: 'us-east-1', TABLE_PREFIX: 'meshbot-', MESH_ADMINS: [] });
  });

  it('means Socket Mode as soon as one Slack token is set, so a missing one is reported rather than the sandbox started', () => {
    expect(runModeOf(BotEnvSchema.parse({ SLACK_BOT_TOKEN: 'xoxb-1' }))).toBe('socket');
    expect(runModeOf(BotEnvSchema.parse({ SLACK_APP_TOKEN: 'xapp-1' }))).toBe('socket');
  });

  it('runs in Socket Mode with both Slack tokens, and reads admins with or without a team', () => {
    const env = BotEnvSchema.parse({ SLACK_APP_TOKEN: 'xapp-1', SLACK_BOT_TOKEN: 'xoxb-1', MESH_ADMINS: 'T0SANDBOX:U0ADMIN, U0OTHER' });
    expect(runModeOf(env)).toBe('socket');
    expect(env.MESH_ADMINS).toEqual([{ teamId: 'T0SANDBOX', userId: 'U0ADMIN' }, { teamId: undefined, userId: 'U0OTHER' }]);
  });

  it('says exactly which setting is wrong', () => {
    const result = BotEnvSchema.safeParse({ SLACK_BOT_TOKEN: 'xoxp-user', MESH_ACCOUNT_ID: '5555', MESH_ADMINS: 'admin' });
    expect(result.success).toBe(false);
    expect(settingProblems(result.error!)).toEqual([
      'SLACK_BOT_TOKEN is a user token (xoxp-…): set it to the Bot User OAuth Token (xoxb-…, OAuth & Permissions)',
      'MESH_ACCOUNT_ID: "5555" is not an AWS account id (12 digits)',
      'MESH_ADMINS.0: "admin" is not a Slack user id (U…, or T…:U…)',
    ]);
  });

  it('names a token of the wrong kind and where it belongs, so swapped tokens are told apart from a missing one', () => {
    const result = BotEnvSchema.safeParse({ SLACK_BOT_TOKEN: 'xapp-1-A0-1-abc', SLACK_APP_TOKEN: 'xoxb-1-2-abc' });
    expect(result.success).toBe(false);
    expect(settingProblems(result.error!)).toEqual([
      'SLACK_BOT_TOKEN is an app-level token (xapp-…), which belongs in SLACK_APP_TOKEN: set it to the Bot User OAuth Token (xoxb-…, OAuth & Permissions)',
      'SLACK_APP_TOKEN is a bot token (xoxb-…), which belongs in SLACK_BOT_TOKEN: set it to the app-level token (xapp-…, Basic Information → App-Level Tokens, scope connections:write)',
    ]);
    expect(settingProblems(BotEnvSchema.safeParse({ SLACK_APP_TOKEN: 'abc' }).error!)).toEqual([expect.stringMatching(/^SLACK_APP_TOKEN is not a Slack token: set it to the app-level token/)]);
  });
});

describe('logger', () => {
  it('never writes tokens, secrets or credentials', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ destination: sink });

    logger.info({ botToken: 'xoxb-secret', config: { signingSecret: 's3cr3t' }, aws: { credentials: { secretAccessKey: 'k' } }, subscriptionId: '01J' }, 'started');

    const written = lines.join('');
    expect(written).toContain('01J');
    expect(written).not.toMatch(/xoxb-secret|s3cr3t|secretAccessKey":"k/);
  });
});
