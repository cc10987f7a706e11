import type { BuildOptions } from 'esbuild';
import { join } from 'node:path';

/** The repository root (this file is `infra/lambda-bundle.ts`). */
export const PROJECT_ROOT = join(import.meta.dirname, '..');

/** The one entry file of Meshbot's Lambda functions; each function names its export. */
export const LAMBDA_ENTRY = join(PROJECT_ROOT, 'src', 'bot', 'entry', 'lambda.ts');

/** The exported handler of each Lambda function in `LAMBDA_ENTRY`. */
export const LAMBDA_HANDLERS = {
  slack: 'slackHandler',
  worker: 'workerHandler',
  sweep: 'sweepHandler',
} as const;

export type LambdaName = keyof typeof LAMBDA_HANDLERS;

/**
 * How the Lambda bundles are built, shared by the stack (NodejsFunction), the bundle tests and the
 * benchmark so all three build the same thing. The AWS SDK is bundled rather than taken from the
 * runtime, so the code deployed is the code tested, with the lockfile's SDK versions.
 */
export const LAMBDA_BUNDLE = {
  /** Lambda's nodejs24.x runtime, the Node the tests run on (the project's pinned `node` package). */
  target: 'node24',
  format: 'cjs',
  minify: true,
  sourceMap: false,
  externalModules: [] as string[],
  /** Prefer packages' ES module builds: esbuild tree-shakes them (the SDK's dist-es) far better. */
  mainFields: ['module', 'main'],
  /** Modules replaced by an empty one (see `lambda-stubs/unused-module.ts`): 1.9 MB of the 2.8 MB bundle. */
  stubbed: ['@slack/socket-mode', 'express', 'raw-body'],
} as const;

/** The empty module the stubbed ones are replaced with. */
export const UNUSED_MODULE = join(PROJECT_ROOT, 'infra', 'lambda-stubs', 'unused-module.ts');

/** esbuild's `alias` map replacing every stubbed module. */
export function stubAliases(): Record<string, string> {
  return Object.fromEntries(LAMBDA_BUNDLE.stubbed.map((name) => [name, UNUSED_MODULE]));
}

/** esbuild's own options for one bundle, the same as NodejsFunction passes on its command line. */
export function esbuildOptions(outfile: string, minify: boolean = LAMBDA_BUNDLE.minify): BuildOptions {
  return {
    entryPoints: [LAMBDA_ENTRY],
    bundle: true,
    platform: 'node',
    target: LAMBDA_BUNDLE.target,
    format: LAMBDA_BUNDLE.format,
    minify,
    sourcemap: LAMBDA_BUNDLE.sourceMap,
    external: [...LAMBDA_BUNDLE.externalModules],
    mainFields: [...LAMBDA_BUNDLE.mainFields],
    alias: stubAliases(),
    outfile,
    logLevel: 'warning',
  };
}
