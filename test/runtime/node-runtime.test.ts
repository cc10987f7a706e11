import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LAMBDA_BUNDLE } from '../../infra/lambda-bundle';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};
const major = (version: string): number => Number(/(\d+)/.exec(version)?.[1]);

describe('the Node.js the project runs on', () => {
  it('is Node 24 inside npm test, whatever the system Node is (the pinned node package comes first on PATH)', () => {
    expect(major(process.versions.node)).toBeGreaterThanOrEqual(24);
    expect(major(process.versions.node)).toBe(major(pkg.devDependencies.node ?? ''));
  });

  it('is the one engines asks for and the one the Lambda bundle targets (nodejs24.x)', () => {
    expect(major(pkg.engines.node)).toBe(major(process.versions.node));
    expect(LAMBDA_BUNDLE.target).toBe(`node${String(major(process.versions.node))}`);
  });
});
