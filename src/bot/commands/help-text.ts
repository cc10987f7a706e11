import { COMMAND } from '../interaction-ids';
import { COMMAND_SPECS, type CommandSpec, type HelpTopic } from './command-specs';
import { escapeMrkdwn } from '../blocks/mrkdwn';

/** The usage line of a command, mrkdwn: `` `/mesh revoke &lt;id&gt; &lt;reason…&gt;` ``. */
export function usageLine(spec: CommandSpec): string {
  return `\`${escapeMrkdwn(`${COMMAND} ${spec.name}${spec.args === '' ? '' : ` ${spec.args}`}`)}\``;
}

/** Every usage line, one a line: the usage shown for an unknown command. */
export function allUsageLines(): string {
  return COMMAND_SPECS.map(usageLine).join('\n');
}

/** The specs a help topic covers: one command, or every admin command for `admin`. */
export function specsOf(topic: HelpTopic): CommandSpec[] {
  return COMMAND_SPECS.filter((spec) => (topic === 'admin' ? spec.admin : spec.name === topic));
}

function overview(): string {
  const line = (spec: CommandSpec): string => `${usageLine(spec)} — ${escapeMrkdwn(spec.summary)}`;
  return [
    `*Meshbot* — publish data products, ask for access and grant it. Commands:`,
    ...COMMAND_SPECS.filter((spec) => !spec.admin).map(line),
    '*Mesh admins*',
    ...COMMAND_SPECS.filter((spec) => spec.admin).map(line),
    `\`${escapeMrkdwn(`${COMMAND} help <command>`)}\` shows the details of one.`,
  ].join('\n');
}

function details(spec: CommandSpec): string {
  return [
    usageLine(spec),
    escapeMrkdwn(spec.summary),
    ...spec.details.map((text) => `• ${escapeMrkdwn(text)}`),
    ...(spec.examples.length > 0 ? ['Examples:', ...spec.examples.map((example) => `\`${escapeMrkdwn(`${COMMAND} ${example}`)}\``)] : []),
  ].join('\n');
}

/** Help as mrkdwn: the list of commands, or the details and examples of one topic. */
export function helpText(topic?: HelpTopic): string {
  return topic === undefined ? overview() : specsOf(topic).map(details).join('\n\n');
}
