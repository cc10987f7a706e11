import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Each file starts its own servers on port 0; two cores, so keep the pool small.
    pool: 'forks',
    maxWorkers: 2,
    // The SDK warns once per process that its 2027 releases will need Node 22; the project pins today's.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
