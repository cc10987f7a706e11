import { expectTypeOf } from 'vitest';
import type { COMMAND_SPECS, HelpTopic } from '../../../src/bot/commands/command-specs';
import type { CommandOf, MeshCommand, MeshCommandKind } from '../../../src/bot/commands/mesh-command';
import type { parseMeshCommand } from '../../../src/bot/commands/parse-mesh-command';
import type { UsageError } from '../../../src/bot/commands/usage-error';
import type { Permission } from '../../../src/mesh/domain/permission';

// The spec table and the command union name the same kinds.
expectTypeOf<(typeof COMMAND_SPECS)[number]['kind']>().toEqualTypeOf<MeshCommandKind>();

// The parser returns a command or a usage error, told apart by `kind`.
expectTypeOf<ReturnType<typeof parseMeshCommand>>().toEqualTypeOf<MeshCommand | UsageError>();

expectTypeOf<CommandOf<'request'>>().toEqualTypeOf<{
  kind: 'request';
  product: string;
  tables?: 'all' | string[] | undefined;
  permissions?: Permission[] | undefined;
  queryRoles?: string[] | undefined;
  reason?: string | undefined;
  needsModal: boolean;
}>();

expectTypeOf<CommandOf<'help'>['topic']>().toEqualTypeOf<HelpTopic | undefined>();
