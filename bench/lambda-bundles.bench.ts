import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { esbuildOptions, LAMBDA_HANDLERS, type LambdaName } from '../infra/lambda-bundle';
import { signSlackRequest } from '../src/sandbox/slack/sign-slack-request';
import { quantile } from './measure';
import type { BenchSection } from './results-file';

const RUNS = 7;
const SIZE_TARGET = 1.5 * 1024 * 1024;
const INIT_TARGET_MS = 300;
const execFileAsync = promisify(execFile);

/**
 * Run in a fresh `node`: require the bundle (Lambda's init phase), then call the handler once (the
 * first invocation builds what it needs: settings, clients, the Bolt app). Prints milliseconds since
 * the process started, so Node's own start-up is counted too.
 */
const CHILD = `
const started = performance.now();
const bundle = require(process.env.BUNDLE);
const loaded = performance.now();
const handler = bundle[process.env.HANDLER];
const event = JSON.parse(process.env.EVENT);
Promise.resolve(process.env.INVOKE === '1' ? handler(event, {}) : undefined).then((answer) => {
  const ready = performance.now();
  process.stdout.write(JSON.stringify({ started, loaded, ready, answer }));
  process.exit(0);
});
`;

/** What the first invocation of each function gets: a signed url_verification, an empty SQS batch. */
function firstEvent(name: LambdaName, secret: string): { event: unknown; invoke: boolean } {
  switch (name) {
    case 'slack': {
      const body = JSON.stringify({ type: 'url_verification', challenge: 'bench', token: 'x' });
      return { event: { version: '2.0', rawPath: '/', requestContext: { http: { method: 'POST', path: '/' } }, headers: { 'content-type': 'application/json', ...signSlackRequest({ secret, body }) }, body, isBase64Encoded: false }, invoke: true };
    }
    case 'worker':
      return { event: { Records: [] }, invoke: true };
    case 'sweep':
      // Its one invocation is a call to SQS: only the load is measured.
      return { event: {}, invoke: false };
  }
}

interface ColdStart {
  loadMs: number;
  readyMs: number;
}

async function coldStart(bundle: string, name: LambdaName): Promise<ColdStart> {
  const secret = 'bench-signing-secret';
  const { event, invoke } = firstEvent(name, secret);
  const { stdout } = await execFileAsync(process.execPath, ['-e', CHILD], {
    env: {
      PATH: process.env.PATH ?? '',
      BUNDLE: bundle,
      HANDLER: LAMBDA_HANDLERS[name],
      EVENT: JSON.stringify(event),
      INVOKE: invoke ? '1' : '0',
      // As the stack sets them, with the Slack secret in the environment (no Secrets Manager round trip here).
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      MESH_ACCOUNT_ID: '555555555555',
      TABLE_PREFIX: 'meshbot-',
      JOB_QUEUE_URL: 'http://127.0.0.1:9/555555555555/meshbot-jobs.fifo',
      SLACK_SIGNING_SECRET: secret,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      // Bolt verifies its token as the app is built; nothing listens here, and the process exits first.
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
      LOG_LEVEL: 'silent',
    },
  });
  const times = JSON.parse(stdout) as { loaded: number; ready: number; answer?: { statusCode?: number; body?: string } };
  // A cold start only counts if the first answer is right.
  if (name === 'slack' && (times.answer?.statusCode !== 200 || times.answer.body !== JSON.stringify({ challenge: 'bench' }))) {
    throw new Error(`the bundled Slack handler answered ${JSON.stringify(times.answer)} to a signed url_verification`);
  }
  return { loadMs: times.loaded, readyMs: times.ready };
}

/** A fresh `node` that loads nothing: Node's own start-up on this machine, to tell it from the bundle's. */
async function bareStart(): Promise<number> {
  const { stdout } = await execFileAsync(process.execPath, ['-e', 'process.stdout.write(String(performance.now()))'], { env: { PATH: process.env.PATH ?? '' } });
  return Number(stdout);
}

const ms = (value: number): string => value.toFixed(0);
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(2);

/** Size of each Lambda bundle (minified and not) and its cold initialisation in a fresh node process. */
export async function run(): Promise<BenchSection[]> {
  const dir = await mkdtemp(join(tmpdir(), 'meshbot-bench-bundles-'));
  const rows: string[] = [];
  const verdicts: string[] = [];
  const bare: number[] = [];
  for (let i = 0; i <= RUNS; i++) bare.push(await bareStart());
  // The first run warms the file system cache, as for the bundles.
  const nodeAlone = quantile(bare.slice(1).sort((a, b) => a - b), 0.5);
  try {
    for (const minify of [true, false]) {
      const outfile = join(dir, minify ? 'minified' : 'plain', 'index.js');
      const t0 = performance.now();
      await build(esbuildOptions(outfile, minify));
      const buildMs = performance.now() - t0;
      const bytes = (await stat(outfile)).size;
      for (const name of Object.keys(LAMBDA_HANDLERS) as LambdaName[]) {
        const samples: ColdStart[] = [];
        // One unmeasured run first: the file system cache, as on a warm Lambda host.
        await coldStart(outfile, name);
        for (let i = 0; i < RUNS; i++) samples.push(await coldStart(outfile, name));
        const load = quantile(samples.map((s) => s.loadMs).sort((a, b) => a - b), 0.5);
        const ready = quantile(samples.map((s) => s.readyMs).sort((a, b) => a - b), 0.5);
        rows.push(
          `| ${name} (\`${LAMBDA_HANDLERS[name]}\`) | ${minify ? 'yes' : 'no'} | ${mb(bytes)} MB | ${ms(buildMs)} | **${ms(load)}** | ${ms(load - nodeAlone)} | ${name === 'sweep' ? '—' : ms(ready)} |`,
        );
        if (minify) verdicts.push(`${name}: ${bytes <= SIZE_TARGET ? 'within' : 'OVER'} the size target, init ${load <= INIT_TARGET_MS ? 'within' : 'OVER'} the time target`);
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const body = [
    `The three functions deploy one bundle of \`src/bot/entry/lambda.ts\` (esbuild, node24, CommonJS, the AWS SDK bundled, Bolt's Socket Mode / Express / raw-body modules stubbed out), each naming its handler. Built here with the stack's options; each cold start is a fresh \`node\` process (Node ${process.versions.node}, x64 on the 2-core machine; Lambda runs them on arm64) — median of ${RUNS} after one unmeasured run.`,
    '',
    '- **init**: ms from process start until the bundle is loaded and its handlers exported (Lambda\'s init phase; nothing is built at import).',
    '- **first answer**: ms from process start until the first invocation answered — the Slack handler builds its settings, AWS clients and the Bolt app, then answers a signed url_verification; the worker builds its clients and runs an empty batch. The Slack secret comes from the environment here; in AWS the first invocation adds one Secrets Manager call.',
    '',
    `- **bundle load**: init minus Node's own start-up, measured in the same run (a fresh \`node\` that loads nothing: median ${ms(nodeAlone)} ms here), so machines of different speed compare.`,
    '',
    '| function | minified | bundle | esbuild ms | init ms | bundle load ms | first answer ms |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Targets: ≤ 1.5 MB and ≤ ${INIT_TARGET_MS} ms init, for the deployed (minified) bundle — ${verdicts.join('; ')}.`,
    '',
    'Before the move to nodejs24.x (2026-11-23: esbuild target node22, cold starts on Node 20.20): minified 1.31 MB, init 145–173 ms, first answer 164–210 ms; unminified 2.86 MB, init 193–202 ms. On 2026-12-02, side by side on the same (slower) machine, nine interleaved fresh processes each: the previous commit\'s bundle (node22) on Node 20.20 loaded in a median 437 ms, this bundle (node24) on Node 24.21 in 353 ms (0.81×); a bare Node 20 started in 102 ms, a bare Node 24 in 71 ms.',
  ].join('\n');
  return [{ title: 'Lambda bundles: size and cold start', body }];
}
