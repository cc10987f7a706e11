import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** How long the worker may run one batch, and where to send alarms. */
export interface JobQueueProps {
  workerTimeout: Duration;
  /** Subscribed to the alarm topic when given. */
  alarmEmail?: string;
  /** Receives before a job is dead-lettered. */
  maxReceiveCount?: number;
}

/**
 * The bot's SQS FIFO job queue: jobs of one message group run in order; the app sets each job's
 * deduplication id (`jobId`), so content-based deduplication is off. A job that keeps failing goes
 * to the dead-letter queue, and an alarm fires as soon as one is there.
 */
export class JobQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly alarm: Alarm;
  readonly alarmTopic: Topic;

  constructor(scope: Construct, id: string, props: JobQueueProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      queueName: 'meshbot-jobs-dlq.fifo',
      fifo: true,
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    Validations.of(this.deadLetterQueue).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'This is the dead-letter queue of the job queue; it has none of its own.' });
    this.queue = new Queue(this, 'Queue', {
      queueName: 'meshbot-jobs.fifo',
      fifo: true,
      contentBasedDeduplication: false,
      // AWS's advice for a Lambda event source: at least six times the function's timeout.
      visibilityTimeout: Duration.seconds(props.workerTimeout.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount ?? 5 },
    });

    // CloudWatch may publish to an encrypted topic only with a customer managed key that lets it.
    const key = new Key(this, 'AlarmTopicKey', { description: 'Meshbot: encrypts the job alarm topic', enableKeyRotation: true });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.alarmTopic = new Topic(this, 'AlarmTopic', { displayName: 'Meshbot job alarms', masterKey: key, enforceSSL: true });
    if (props.alarmEmail !== undefined) this.alarmTopic.addSubscription(new EmailSubscription(props.alarmEmail));

    this.alarm = new Alarm(this, 'DeadLetterAlarm', {
      alarmDescription: 'A Meshbot job failed every retry and is in the dead-letter queue: read the worker logs, fix, then redrive it.',
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.alarm.addAlarmAction(new SnsAction(this.alarmTopic));
  }
}
