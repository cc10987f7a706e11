import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BotEnvSchema, runModeOf } from '../../src/bot/bot-config';
import { createLogger } from '../../src/bot/logger';
import { formatIssues } from '../../src/mesh/domain/format-issues';

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
    expect(formatIssues(result.error!)).toBe(
      'SLACK_BOT_TOKEN: SLACK_BOT_TOKEN must be a bot token (xoxb-…); MESH_ACCOUNT_ID: "5555" is not an AWS account id (12 digits); MESH_ADMINS.0: "admin" is not a Slack user id (U…, or T…:U…)',
    );
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
