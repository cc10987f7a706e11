import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { Architecture, FunctionUrlAuthType, Runtime, type FunctionUrl } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { LAMBDA_BUNDLE, LAMBDA_ENTRY, LAMBDA_HANDLERS, PROJECT_ROOT, stubAliases, type LambdaName } from '../lambda-bundle';

/** The worker's timeout: one batch of jobs (publishing a large database is the longest). */
export const WORKER_TIMEOUT = Duration.minutes(5);

/** How often the sweep runs (product syncs due, pending reminders and expiry). */
export const SWEEP_EVERY = Duration.minutes(15);

/** What the bot's functions share. */
export interface BotFunctionsProps {
  role: IRole;
  environment: Record<string, string>;
  jobQueue: Queue;
  logRetention?: RetentionDays;
}

/**
 * The bot's three Lambda functions, bundled locally with esbuild from `src/bot/entry/lambda.ts`:
 * `slack` behind a Function URL, `worker` on the job queue, `sweep` on a schedule.
 */
export class BotFunctions extends Construct {
  readonly slack: NodejsFunction;
  readonly worker: NodejsFunction;
  readonly sweep: NodejsFunction;
  readonly url: FunctionUrl;
  readonly schedule: Rule;
  readonly logGroups: LogGroup[] = [];

  constructor(scope: Construct, id: string, props: BotFunctionsProps) {
    super(scope, id);
    const make = (name: LambdaName, memorySize: number, timeout: Duration): NodejsFunction => {
      const logGroup = new LogGroup(this, `${name}-logs`, { logGroupName: `/aws/lambda/meshbot-${name}`, retention: props.logRetention ?? RetentionDays.THREE_MONTHS });
      this.logGroups.push(logGroup);
      const fn = new NodejsFunction(this, name, {
        functionName: `meshbot-${name}`,
        entry: LAMBDA_ENTRY,
        handler: LAMBDA_HANDLERS[name],
        projectRoot: PROJECT_ROOT,
        depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
        runtime: Runtime.NODEJS_24_X,
        architecture: Architecture.ARM_64,
        memorySize,
        timeout,
        role: props.role,
        logGroup,
        environment: props.environment,
        bundling: {
          target: LAMBDA_BUNDLE.target,
          format: OutputFormat.CJS,
          minify: LAMBDA_BUNDLE.minify,
          sourceMap: LAMBDA_BUNDLE.sourceMap,
          externalModules: [...LAMBDA_BUNDLE.externalModules],
          mainFields: [...LAMBDA_BUNDLE.mainFields],
          esbuildArgs: Object.fromEntries(Object.entries(stubAliases()).map(([name, path]) => [`--alias:${name}`, path])),
          // Bundle with the project's esbuild; never fall back to a Docker image.
          forceDockerBundling: false,
        },
      });
      return fn;
    };

    // Slack waits 3 s for the ack; anything longer goes to the job queue, so 10 s is ample.
    this.slack = make('slack', 1024, Duration.seconds(10));
    this.worker = make('worker', 1024, WORKER_TIMEOUT);
    this.sweep = make('sweep', 256, Duration.seconds(30));

    // Slack signs every request (v0 HMAC with the signing secret) and the app verifies it, so the
    // URL itself needs no AWS auth: Slack cannot sign AWS SigV4 requests.
    this.url = this.slack.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });

    this.worker.addEventSource(new SqsEventSource(props.jobQueue, { batchSize: 10, reportBatchItemFailures: true }));

    this.schedule = new Rule(this, 'SweepSchedule', {
      description: 'Meshbot sweep: product syncs due, pending-request reminders and expiry',
      schedule: Schedule.rate(SWEEP_EVERY),
      targets: [new LambdaFunction(this.sweep, { retryAttempts: 2 })],
    });
  }
}
