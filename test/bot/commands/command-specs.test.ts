import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS } from '../../../src/bot/commands/command-specs';
import { MeshCommandSchema } from '../../../src/bot/commands/mesh-command';
import { parseMeshCommand } from '../../../src/bot/commands/parse-mesh-command';

/** What Slack sends for an example's `@alice`: a mention picked from the list. */
function asSlackSends(example: string): string {
  return example.replace(/@([a-z]+)/g, (_, name: string) => `<@U0${name.toUpperCase()}|${name}>`);
}

describe('COMMAND_SPECS', () => {
  it('has one spec per command kind, and unique names', () => {
    const kinds = MeshCommandSchema.options.map((option) => option.shape.kind.value);
    expect([...COMMAND_SPECS.map((spec) => spec.kind)].sort()).toEqual([...kinds].sort());
    expect(new Set(COMMAND_SPECS.map((spec) => spec.name)).size).toBe(COMMAND_SPECS.length);
  });

  it.each(COMMAND_SPECS.flatMap((spec) => spec.examples.map((example) => [example, spec.kind] as const)))(
    'help’s example %j parses to %s',
    (example, kind) => {
      expect(parseMeshCommand(asSlackSends(example)).kind).toBe(kind);
    },
  );
});
