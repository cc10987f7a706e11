import { spawnSync } from 'node:child_process';
import { awsSettings } from './support/conformance-target';

/**
 * `npm run conformance` drives the sandbox emulator with the conformance suite; `-- --aws` drives
 * three real AWS accounts instead (skipped, with what to set, when their profiles are not given) and
 * records AWS's answers in test/conformance/snapshots, which later sandbox runs must match.
 */
function main(): number {
  const aws = process.argv.includes('--aws');
  const env = { ...process.env, ...(aws && { MESHBOT_CONFORMANCE_AWS: '1' }) };
  if (aws) {
    try {
      awsSettings(env);
    } catch (error) {
      console.log(`conformance on AWS skipped: ${(error as Error).message}`);
      return 0;
    }
  }
  const args = ['vitest', 'run', 'test/conformance', ...(aws ? ['--maxWorkers=1', '--testTimeout=120000', '--hookTimeout=300000'] : [])];
  const result = spawnSync('npx', args, { stdio: 'inherit', env });
  return result.status ?? 1;
}

process.exitCode = main();
