/** Runs long work (grants, publishing many tables) off Slack's 3-second ack path. */
export interface JobQueue<J> {
  /** Hand a job over; resolves once it is accepted (not done). */
  enqueue(job: J): Promise<void>;
}
