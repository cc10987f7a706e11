import type { Logger } from 'pino';
import type { MeshService } from '../mesh/service/create-mesh-service';
import type { NoticeStore } from '../mesh/store/notice-store';
import type { BotJob } from './bot-job';
import type { JobQueue } from './jobs/queue/job-queue';

/** Where the bot posts and how it behaves, beyond Slack's own settings. */
export interface BotSettings {
  /** The channel product cards are posted to (#data-products); unset: cards go only to the publisher. */
  productsChannel?: string;
}

/** What the Slack layer uses: the mesh service, the job queue, notices, settings, logger, clock and ids. */
export interface BotDeps {
  mesh: MeshService;
  jobs: JobQueue<BotJob>;
  notices: NoticeStore;
  settings: BotSettings;
  logger: Logger;
  /** Epoch milliseconds. */
  clock: () => number;
  /** Request ids (and error reference ids). */
  newId: () => string;
}
