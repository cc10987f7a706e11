import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PROJECT_ROOT } from '../../infra/lambda-bundle';
import { ACTIONS, COMMAND } from '../../src/bot/interaction-ids';
import { registeredListeners, type Registrations } from './registered-listeners';

/** The parts of Slack's app manifest the bot depends on. */
const ManifestSchema = z.object({
  display_information: z.object({ name: z.string(), description: z.string().max(140) }),
  features: z.object({
    app_home: z.object({ home_tab_enabled: z.boolean(), messages_tab_enabled: z.boolean(), messages_tab_read_only_enabled: z.boolean() }),
    bot_user: z.object({ display_name: z.string(), always_online: z.boolean() }),
    slash_commands: z.array(z.object({ command: z.string(), url: z.url(), description: z.string().max(100), usage_hint: z.string().max(1000).optional(), should_escape: z.boolean() })),
    shortcuts: z.array(z.object({ callback_id: z.string() })).default([]),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({
    event_subscriptions: z.object({ request_url: z.url(), bot_events: z.array(z.string()) }),
    interactivity: z.object({ is_enabled: z.boolean(), request_url: z.url(), message_menu_options_url: z.url().optional() }),
    org_deploy_enabled: z.boolean(),
    socket_mode_enabled: z.boolean(),
    token_rotation_enabled: z.boolean(),
  }),
});

/**
 * The bot scopes each Web API method needs (as the bot uses it: DMs, the public #data-products
 * channel). A method the code starts calling must be added here, and its scope to the manifest.
 */
const METHOD_SCOPES: Record<string, string[]> = {
  'auth.test': [],
  // Called with the app-level token (its connections:write scope), not a bot scope: Socket Mode's start-up check.
  'apps.connections.open': [],
  'chat.postMessage': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.delete': ['chat:write'],
  'chat.getPermalink': [],
  'conversations.open': ['im:write'],
  'conversations.info': ['channels:read'],
  'conversations.history': ['channels:history'],
  'users.info': ['users:read'],
  'users.list': ['users:read'],
  'usergroups.users.list': ['usergroups:read'],
  'team.info': ['team:read'],
  'views.open': [],
  'views.push': [],
  'views.update': [],
  'views.publish': [],
};

/** The bot scopes each event the manifest subscribes to needs (Slack's event reference: Required Scopes). */
const EVENT_SCOPES: Record<string, string[]> = {
  app_home_opened: [],
  'message.im': ['im:history'],
};

/** The Events API subscriptions the registrations need: `app.message` listens to messages in the bot's DM (`message.im`). */
function eventsNeeded(registrations: Registrations): unknown[] {
  return [...registrations.events, ...(registrations.messages.length > 0 ? ['message.im'] : [])];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
}

/** The Web API methods src/bot calls: `client.<family>.<method>(…)`, and `say(…)` (chat.postMessage). */
function webApiMethodsCalled(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const add = (method: string, file: string): void => {
    found.set(method, [...(found.get(method) ?? []), relative(PROJECT_ROOT, file)]);
  };
  for (const file of sourceFiles(join(PROJECT_ROOT, 'src', 'bot'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bclient\s*\.\s*([a-z]+(?:\s*\.\s*[a-zA-Z]+)+)\s*\(/g)) add((match[1] ?? '').replace(/\s/g, ''), file);
    if (/\bsay\s*\(/.test(text)) add('chat.postMessage', file);
  }
  return found;
}

let manifest: z.infer<typeof ManifestSchema>;
let registered: Registrations;
beforeAll(() => {
  manifest = ManifestSchema.parse(parse(readFileSync(join(PROJECT_ROOT, 'manifest.yml'), 'utf8')));
  registered = registeredListeners();
});

describe('manifest.yml', () => {
  it('declares /mesh, escaped so mentions carry user ids, and every command the app registers', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([COMMAND]);
    expect(manifest.features.slash_commands[0]?.should_escape).toBe(true);
    for (const command of registered.commands) expect(manifest.features.slash_commands.map((c) => c.command)).toContain(command);
  });

  it('subscribes to every event the app listens to', () => {
    for (const event of eventsNeeded(registered)) expect(manifest.settings.event_subscriptions.bot_events).toContain(event);
  });

  // Checked once the listener families are registered (registerListeners registers them as they land).
  it.skipIf(registeredListeners().events.length === 0)('subscribes to no event the app does not listen to', () => {
    for (const event of manifest.settings.event_subscriptions.bot_events) expect(eventsNeeded(registered)).toContain(event);
  });

  it('subscribes to app_home_opened and message.im, and has the App Home and a writable Messages tab the bot answers in', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_home_opened', 'message.im']));
    expect(registered.messages.length).toBeGreaterThan(0);
    expect(manifest.features.app_home).toEqual({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
  });

  it('sends commands, clicks, menus and events to one request URL (the Function URL), with interactivity on', () => {
    const urls = new Set([
      ...manifest.features.slash_commands.map((c) => c.url),
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      manifest.settings.interactivity.message_menu_options_url,
    ]);
    expect([...urls]).toEqual(['https://meshbot.invalid/slack/events']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('has an options URL since the request modal serves its own table options, and declares every shortcut registered', () => {
    expect(ACTIONS.requestTablesSearch).toBeDefined();
    expect(manifest.settings.interactivity.message_menu_options_url).toBeDefined();
    for (const shortcut of registered.shortcuts) expect(manifest.features.shortcuts.map((s) => s.callback_id)).toContain(shortcut);
  });

  it('asks for exactly the bot scopes of the Web API methods the code calls and of the events it subscribes to, plus commands', () => {
    const called = webApiMethodsCalled();
    const unknown = [...called.keys()].filter((method) => !(method in METHOD_SCOPES));
    expect(unknown, `add the scopes of ${unknown.join(', ')} to METHOD_SCOPES (and to manifest.yml)`).toEqual([]);
    const events = manifest.settings.event_subscriptions.bot_events;
    const unknownEvents = events.filter((event) => !(event in EVENT_SCOPES));
    expect(unknownEvents, `add the scopes of ${unknownEvents.join(', ')} to EVENT_SCOPES (and to manifest.yml)`).toEqual([]);
    const needed = new Set(['commands', ...[...called.keys()].flatMap((method) => METHOD_SCOPES[method] ?? []), ...events.flatMap((event) => EVENT_SCOPES[event] ?? [])]);
    expect(new Set(manifest.oauth_config.scopes.bot)).toEqual(needed);
  });

  it('is HTTP by default (Socket Mode is the documented variant), without org deployment or token rotation', () => {
    expect(manifest.settings).toMatchObject({ socket_mode_enabled: false, org_deploy_enabled: false, token_rotation_enabled: false });
  });
});
