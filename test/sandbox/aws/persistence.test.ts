import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorldFileError } from '../../../src/sandbox/aws/controls/world-file';
import { SANDBOX_ROLE_ARNS } from '../../../src/sandbox/seed/sandbox-accounts';
import { startTestEmulator } from './start-test-emulator';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'meshbot-sandbox-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('persistFile', () => {
  it('keeps the world across a restart: sessions still work and the clock offset stays', async () => {
    const file = join(dir, 'state', 'world.json');
    const first = await startTestEmulator({ persistFile: file });
    const session = await first.assumeRole(SANDBOX_ROLE_ARNS.producer, { sourceIdentity: 'U0PERSIST' });
    first.controls.clock.advance(120);
    await first.close();

    const second = await startTestEmulator({ persistFile: file });
    const sts = new STSClient(second.clientConfig(session));
    try {
      const identity = await sts.send(new GetCallerIdentityCommand({}));
      expect(identity.Arn).toContain('assumed-role/MeshbotProducer/');
      expect(second.world.clockOffsetMs).toBe(120_000);
      expect(second.controls.calls.list()[0]?.sourceIdentity).toBe('U0PERSIST');
    } finally {
      sts.destroy();
      await second.close();
    }
  });

  it('writes after a change without waiting for close, atomically (no temp file left)', async () => {
    const file = join(dir, 'world.json');
    const emu = await startTestEmulator({ persistFile: file });
    try {
      emu.controls.clock.advance(5);
      await emu.controls.flush();
      const saved = JSON.parse(await readFile(file, 'utf8')) as { clockOffsetMs: number };
      expect(saved.clockOffsetMs).toBe(5000);
      expect(await readdir(dir)).toEqual(['world.json']);
    } finally {
      await emu.close();
    }
  });

  it('refuses a corrupt file with an error naming it', async () => {
    const file = join(dir, 'world.json');
    await writeFile(file, '{"region": "us-east-1"', 'utf8');
    await expect(startTestEmulator({ persistFile: file })).rejects.toThrow(WorldFileError);
    await expect(startTestEmulator({ persistFile: file })).rejects.toThrow(`Sandbox state file ${file} is not valid JSON`);

    await writeFile(file, JSON.stringify({ region: 'us-east-1' }), 'utf8');
    await expect(startTestEmulator({ persistFile: file })).rejects.toThrow(/is not a sandbox world \(.*accounts/);
  });
});
