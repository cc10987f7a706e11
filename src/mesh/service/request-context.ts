import type { SlackUser } from '../domain/slack-user';

/** Who asks, and the id of the request, carried into logs and the STS session name. */
export interface RequestContext {
  user: SlackUser;
  requestId: string;
}
