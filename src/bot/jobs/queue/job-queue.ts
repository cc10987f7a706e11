/** Runs long work (grants, publishing many tables) off Slack's 3-second ack path. */
export interface JobQueue<J> {
  /** Hand a job over; resolves once it is accepted (not done). */
  enqueue(job: J): Promise<void>;
}

/**
 * Which delivery of a job this is: 1 the first time, more when the queue runs it again after a
 * failure (SQS's ApproximateReceiveCount; the in-process queue counts its own), so a job that failed
 * tells its person once, not on each redelivery.
 */
export interface JobDelivery {
  attempt: number;
}

/** Runs one job; a rejection asks the queue to deliver it again (and finally give it up). */
export type JobHandler<J> = (job: J, delivery: JobDelivery) => Promise<void>;
