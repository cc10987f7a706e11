// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

/** What src/mesh may not import (DESIGN.md, Layers). */
const MESH_LAYER = [
  { group: ['**/bot/**', '**/bot', '@slack/*'], message: 'src/mesh knows nothing of Slack: the bot calls the mesh, never the reverse (DESIGN.md, Layers).' },
  { group: ['**/sandbox/**', '**/sandbox'], message: 'src/mesh does not import the sandbox: the sandbox wires the mesh (DESIGN.md, Layers).' },
];

export default defineConfig(
  { ignores: ['node_modules/**', 'cdk.out/**', 'dist/**', '.sandbox/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // The layers of DESIGN.md ("Layers"): the mesh service knows nothing of Slack or the sandbox; the
  // Slack layer does not reach into the sandbox (the sandbox wires the bot, never the reverse). The
  // mesh's words are plain English too: mentions and /mesh commands are the bot's wording of its refusals.
  {
    files: ['src/mesh/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['Literal[value=/<[@#!]|\\x2Fmesh(\\s|$)/]', 'TemplateElement[value.raw=/<[@#!]|\\x2Fmesh(\\s|$)/]'].map((selector) => ({
          selector,
          message: 'src/mesh writes no Slack syntax (<@U…> mentions, /mesh commands): give the refusal typed params and word it in src/bot/refusal-wordings.ts.',
        })),
      ],
      'no-restricted-imports': ['error', { patterns: MESH_LAYER }],
    },
  },
  // One adapter per AWS concept: the AWS SDK is reached through src/mesh/aws (and DynamoDB through
  // src/mesh/store); the domain, plans, rules, executor and operations take our own types. wire-mesh
  // builds the clients, so it may name them.
  {
    files: ['src/mesh/domain/**/*.ts', 'src/mesh/plan/**/*.ts', 'src/mesh/rules/**/*.ts', 'src/mesh/execute/**/*.ts', 'src/mesh/service/**/*.ts'],
    ignores: ['src/mesh/service/wire-mesh.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...MESH_LAYER,
            { group: ['@aws-sdk/*', '@smithy/*'], message: 'the AWS SDK is reached through an adapter of src/mesh/aws (one per AWS concept), or the stores of src/mesh/store.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/bot/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/sandbox/**', '**/sandbox'], message: 'src/bot does not import the sandbox: the sandbox wires the bot, never the reverse (DESIGN.md, Layers).' }] },
      ],
    },
  },
  {
    files: ['test/**', 'bench/**'],
    rules: {
      // Tests read parsed JSON answers and assert on them; non-null assertions keep them short.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
