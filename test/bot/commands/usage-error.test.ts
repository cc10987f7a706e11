import { describe, expect, it } from 'vitest';
import { parseMeshCommand } from '../../../src/bot/commands/parse-mesh-command';
import { isUsageError, usageError } from '../../../src/bot/commands/usage-error';

describe('usageError', () => {
  it('keeps a message within the 3,000 characters Slack shows', () => {
    const error = usageError('m'.repeat(5000), '`/mesh whoami`');
    expect(error.message).toHaveLength(3000);
    expect(error.message.endsWith('…')).toBe(true);
    expect(usageError('short', 'usage')).toEqual({ kind: 'usage-error', message: 'short', usage: 'usage' });
  });

  it('tells a refusal from a command', () => {
    expect(isUsageError(parseMeshCommand('whoami now'))).toBe(true);
    expect(isUsageError(parseMeshCommand('whoami'))).toBe(false);
  });
});
