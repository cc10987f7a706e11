import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Run `npm start` (the real CLI) with only `env` set, and what it said and how it ended. */
function start(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/sandbox/cli/start.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // A start that went on (the sandbox serving) is a failure of the test: stop it rather than hang.
    const timer = setTimeout(() => child.kill('SIGTERM'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('npm start with a partial Slack configuration', () => {
  it('refuses a bot token without an app token, naming what to set, and starts nothing (no sandbox)', async () => {
    const { code, stdout, stderr } = await start({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc' });

    expect(code).toBe(2);
    expect(stderr).toContain('nothing was started');
    expect(stderr).toMatch(/✗ SLACK_APP_TOKEN is missing: Socket Mode needs the app-level token \(xapp-…/);
    expect(stderr).toContain('unset SLACK_BOT_TOKEN to run the sandbox instead');
    expect(stdout).not.toContain('sandbox');
    expect(stdout).not.toContain('Console');
  }, 90_000);

  it('refuses tokens put in each other’s place, saying where each belongs', async () => {
    const { code, stdout, stderr } = await start({ SLACK_BOT_TOKEN: 'xapp-1-A0-1-abc', SLACK_APP_TOKEN: 'xoxb-1-2-abc' });

    expect(code).toBe(2);
    expect(stderr).toContain('SLACK_BOT_TOKEN is an app-level token (xapp-…), which belongs in SLACK_APP_TOKEN');
    expect(stderr).toContain('SLACK_APP_TOKEN is a bot token (xoxb-…), which belongs in SLACK_BOT_TOKEN');
    expect(stdout).toBe('');
  }, 90_000);
});
