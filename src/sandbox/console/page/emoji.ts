/// <reference lib="dom" />

// The emoji codes the bot writes (and a few common ones); an unknown code stays as typed, as in Slack.
const EMOJI: Record<string, string> = {
  alarm_clock: '⏰',
  arrows_counterclockwise: '🔄',
  black_circle: '⚫',
  bulb: '💡',
  bust_in_silhouette: '👤',
  clipboard: '📋',
  construction: '🚧',
  exclamation: '❗',
  eyes: '👀',
  gear: '⚙️',
  heavy_check_mark: '✔️',
  heavy_minus_sign: '➖',
  hourglass: '⌛',
  hourglass_flowing_sand: '⏳',
  inbox_tray: '📥',
  information_source: 'ℹ️',
  key: '🔑',
  large_blue_circle: '🔵',
  large_green_circle: '🟢',
  large_orange_circle: '🟠',
  large_yellow_circle: '🟡',
  link: '🔗',
  lock: '🔒',
  mag: '🔍',
  memo: '📝',
  no_entry: '⛔',
  no_entry_sign: '🚫',
  outbox_tray: '📤',
  package: '📦',
  question: '❓',
  red_circle: '🔴',
  rocket: '🚀',
  shield: '🛡️',
  sparkles: '✨',
  tada: '🎉',
  thumbsup: '👍',
  warning: '⚠️',
  wave: '👋',
  white_check_mark: '✅',
  white_circle: '⚪',
  x: '❌',
};

/** Replace `:code:` emoji with the characters Slack would show. */
export function emojify(text: string): string {
  return text.replace(/:([a-z0-9_+-]+):/g, (whole, code: string) => EMOJI[code] ?? whole);
}
