import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addMeshbotStacks, type MeshbotStacks } from '../../infra/meshbot-app';

/** The sample mesh of the sandbox, as `cdk.json` has it. */
export const SAMPLE_CONTEXT = {
  meshAccountId: '555555555555',
  region: 'us-east-1',
  producerAccountIds: ['111111111111'],
  consumerAccountIds: ['999999999999'],
  /** The consumer's query principal, seeded in the sandbox as `Analyst`. */
  queryRoles: ['arn:aws:iam::999999999999:role/Analyst'],
} as const;

/** The synthesized app: its stacks, their templates, and where the assembly was written. */
export interface SynthesizedMeshbot extends MeshbotStacks {
  app: App;
  outdir: string;
  /** Remove the cloud assembly (templates and bundled assets) from disk. */
  dispose(): void;
  template: { mesh: Template; producers: Template[]; consumers: Template[] };
}

/**
 * Build and synthesize the Meshbot app once. `bundle: false` skips esbuild (CDK's own
 * `aws:cdk:bundling-stacks` switch) where a test reads nothing from the Lambda bundles;
 * `cfnValidation: false` skips CDK's built-in template validation (seconds a synthesis), which the
 * cdk-nag test file runs.
 */
export function synthMeshbot(options: { context?: Record<string, unknown>; bundle?: boolean; cfnValidation?: boolean } = {}): SynthesizedMeshbot {
  const outdir = mkdtempSync(join(tmpdir(), 'meshbot-cdk-'));
  const app = new App({
    outdir,
    context: { ...SAMPLE_CONTEXT, ...options.context, ...(options.bundle === false && { 'aws:cdk:bundling-stacks': [] }) },
  });
  const stacks = addMeshbotStacks(app);
  const before = process.env.CDK_VALIDATION;
  if (options.cfnValidation === false) process.env.CDK_VALIDATION = 'false';
  try {
    // The first template synthesizes the whole app; the others reuse that assembly.
    const template = {
      mesh: Template.fromStack(stacks.mesh),
      producers: stacks.producers.map((stack) => Template.fromStack(stack)),
      consumers: stacks.consumers.map((stack) => Template.fromStack(stack)),
    };
    return {
      ...stacks,
      app,
      outdir,
      template,
      dispose: () => {
        rmSync(outdir, { recursive: true, force: true });
      },
    };
  } finally {
    if (before === undefined) delete process.env.CDK_VALIDATION;
    else process.env.CDK_VALIDATION = before;
  }
}

/** A CloudFormation resource as the template has it. */
export interface CfnResourceJson {
  Type: string;
  Properties?: Record<string, unknown>;
}

/** Every resource of a template of a type, by logical id. */
export function resourcesOf(template: Template, type: string): [string, CfnResourceJson][] {
  return Object.entries(template.findResources(type)) as [string, CfnResourceJson][];
}
