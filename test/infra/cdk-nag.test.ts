import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthMeshbot, type SynthesizedMeshbot } from './synth-meshbot';

// Synthesized as `cdk synth` does: the cdk-nag plugin and CloudFormation's own validation run, and
// their report is written beside the templates.
let synth: SynthesizedMeshbot;
beforeAll(() => {
  synth = synthMeshbot({ bundle: false });
});
afterAll(() => {
  synth.dispose();
});

interface ValidationReport {
  pluginReports: { pluginName: string; conclusion: string; violations: unknown[] }[];
}

describe('cdk-nag AwsSolutions checks', () => {
  it('find nothing unacknowledged in any stack', () => {
    for (const stack of [synth.mesh, ...synth.producers, ...synth.consumers]) {
      const report = new AwsSolutionsChecks().validateScope(stack);
      expect({ stack: stack.stackName, violations: report.violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath ?? r.resourceLogicalId ?? '').join(', ')}`) }).toEqual({
        stack: stack.stackName,
        violations: [],
      });
    }
  });

  it('pass as the app registers them at synthesis, along with CloudFormation’s own template validation', () => {
    const report = JSON.parse(readFileSync(join(synth.outdir, 'validation-report.json'), 'utf8')) as ValidationReport;
    for (const plugin of report.pluginReports) expect({ plugin: plugin.pluginName, conclusion: plugin.conclusion, violations: plugin.violations }).toEqual({ plugin: plugin.pluginName, conclusion: 'success', violations: [] });
  });

  it('are acknowledged only with a reason, each', () => {
    const acknowledgements = synth.app.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).map((m) => ({ at: c.node.path, data: m.data as unknown })));
    expect(acknowledgements.length).toBeGreaterThan(0);
    // Each entry maps the acknowledged rule id to its reason.
    for (const { at, data } of acknowledgements) {
      for (const [id, reason] of Object.entries(data as Record<string, unknown>)) {
        expect({ at, id, reasoned: typeof reason === 'string' && reason.length >= 40 }).toEqual({ at, id, reasoned: true });
      }
    }
  });
});
