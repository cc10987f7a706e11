import type { webApi } from '@slack/bolt';
import type { SlackMessage } from '../blocks/slack-types';

/** Post a message to a user's DM with the bot; returns where it landed (to update it later). */
export async function postDirect(client: webApi.WebClient, userId: string, message: SlackMessage): Promise<{ channel: string; ts: string }> {
  const opened = await client.conversations.open({ users: userId });
  const channel = opened.channel?.id;
  if (channel === undefined) throw new Error(`Slack opened no DM with ${userId}`);
  const posted = await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
  if (posted.ts === undefined) throw new Error(`Slack answered no ts for the message to ${userId}`);
  return { channel, ts: posted.ts };
}
