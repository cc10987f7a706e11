import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The layers of DESIGN.md are lint rules: a wrong import (or Slack syntax in the mesh's strings) fails
// `npm run lint`. Each case lints a real file of the layer with one line added, as the project's own
// ESLint config sees it.

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

/** The messages of the layer rule for `file` with `importLine` added at its top. */
async function layerErrors(file: string, importLine: string): Promise<string[]> {
  const text = `${importLine}\n${readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')}`;
  const [result] = await eslint.lintText(text, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layer rules', () => {
  // The first lint builds the TypeScript program of the whole project (type-aware rules): slow on a busy machine.
  beforeAll(async () => {
    await eslint.lintText('', { filePath: 'src/mesh/errors.ts' });
  }, 180_000);

  it.each([
    ['src/mesh/errors.ts', "import '../bot/logger';", 'src/mesh knows nothing of Slack'],
    ['src/mesh/service/mesh-config.ts', "import type { SlackMessage } from '../../bot/blocks/slack-types';", 'src/mesh knows nothing of Slack'],
    ['src/mesh/errors.ts', "import '@slack/bolt';", 'src/mesh knows nothing of Slack'],
    ['src/mesh/errors.ts', "import '../sandbox/seed/sandbox-accounts';", 'src/mesh does not import the sandbox'],
    ['src/bot/logger.ts', "import '../sandbox/aws/emulator';", 'src/bot does not import the sandbox'],
    ['src/mesh/service/subscriptions/approve-request.ts', "import '@aws-sdk/client-glue';", 'the AWS SDK is reached through an adapter of src/mesh/aws'],
    ['src/mesh/service/subscriptions/approve-request.ts', "import '../../../sandbox/aws/emulator';", 'src/mesh does not import the sandbox'],
  ])('refuse in %s: %s', async (file, importLine, message) => {
    expect(await layerErrors(file, importLine)).toEqual([expect.stringContaining(message)]);
  });

  it.each(['export const ask = (id: string) => `ask <@${id}>, who requested it`;', "export const see = 'see the published products with `/mesh products`';"])(
    'refuse Slack syntax in the strings of src/mesh, not of src/bot: %s',
    async (line) => {
      const slackSyntax = async (file: string) => {
        const [result] = await eslint.lintText(`${readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')}\n${line}\n`, { filePath: file });
        return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
      };
      expect(await slackSyntax('src/mesh/errors.ts')).toEqual([expect.stringContaining('src/mesh writes no Slack syntax')]);
      expect(await slackSyntax('src/bot/refusal-wordings.ts')).toEqual([]);
    },
  );

  it('let each layer import what it may: the bot the mesh, the sandbox both', async () => {
    expect(await layerErrors('src/bot/logger.ts', "import '../mesh/errors';")).toEqual([]);
    expect(await layerErrors('src/sandbox/seed/seed-mesh.ts', "import '../../bot/logger';")).toEqual([]);
    expect(await layerErrors('src/mesh/aws/aws-clients.ts', "import './bot-identity';")).toEqual([]);
    expect(await layerErrors('src/mesh/aws/glue-catalog.ts', "import '@aws-sdk/client-glue';")).toEqual([]);
  });
});
