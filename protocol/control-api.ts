// The agent's local control API, route by route: method, path, the body it accepts and the answer
// it gives. The one contract between the agent (agent/control/control-server.ts) and its callers
// (the desktop UI's desktop-ui/control-client.ts, the CLI).
import * as z from 'zod/mini';
import {
  BrowserRequestSchema,
  InboxIdRequestSchema,
  OpenRequestSchema,
  SendRequestSchema,
  TargetRequestSchema,
} from './control-requests.js';
import {
  AgentStatusSchema,
  HistoryViewSchema,
  InboxItemSchema,
  OpenedTabSchema,
  SendResultSchema,
  TabViewSchema,
} from './control-responses.js';
import { SettingsPatchSchema, SettingsSchema } from './settings.js';
import { PhoneViewSchema } from './control-responses.js';

interface RouteSpec {
  method: 'GET' | 'POST';
  path: string;
  /** The body's schema; absent: the route takes no body. */
  request?: z.ZodMiniType;
  response: z.ZodMiniType;
}

const TabsSchema = z.object({ tabs: z.array(TabViewSchema) });

export const controlRoutes = {
  status: { method: 'GET', path: '/api/status', response: AgentStatusSchema },
  history: {
    method: 'GET',
    path: '/api/history',
    response: z.object({ phones: z.array(HistoryViewSchema) }),
  },
  pause: { method: 'POST', path: '/api/pause', response: AgentStatusSchema },
  resume: { method: 'POST', path: '/api/resume', response: AgentStatusSchema },
  forget: {
    method: 'POST',
    path: '/api/forget',
    request: TargetRequestSchema,
    response: z.object({ forgotten: HistoryViewSchema }),
  },
  release: {
    method: 'POST',
    path: '/api/release',
    request: TargetRequestSchema,
    response: z.object({ released: HistoryViewSchema }),
  },
  open: {
    method: 'POST',
    path: '/api/open',
    request: OpenRequestSchema,
    response: z.object({ opened: OpenedTabSchema }),
  },
  tabs: { method: 'GET', path: '/api/tabs', response: TabsSchema },
  browser: {
    method: 'POST',
    path: '/api/browser',
    request: BrowserRequestSchema,
    response: TabsSchema,
  },
  send: {
    method: 'POST',
    path: '/api/send',
    request: SendRequestSchema,
    response: z.object({ sent: SendResultSchema }),
  },
  settings: { method: 'GET', path: '/api/settings', response: SettingsSchema },
  updateSettings: {
    method: 'POST',
    path: '/api/settings',
    request: SettingsPatchSchema,
    response: SettingsSchema,
  },
  inbox: {
    method: 'GET',
    path: '/api/inbox',
    response: z.object({
      items: z.array(InboxItemSchema),
      /** Where files from phones are saved now. */
      folder: z.string(),
    }),
  },
  inboxOpen: {
    method: 'POST',
    path: '/api/inbox/open',
    request: InboxIdRequestSchema,
    response: z.object({ opened: InboxItemSchema }),
  },
  inboxShow: {
    method: 'POST',
    path: '/api/inbox/show',
    request: InboxIdRequestSchema,
    response: z.object({ shown: InboxItemSchema }),
  },
  checkPhone: {
    method: 'POST',
    path: '/api/phones/check',
    request: TargetRequestSchema,
    response: z.object({ phone: PhoneViewSchema }),
  },
  takeover: {
    method: 'POST',
    path: '/api/phones/takeover',
    request: TargetRequestSchema,
    response: z.object({ phone: PhoneViewSchema }),
  },
  reopen: {
    method: 'POST',
    path: '/api/phones/reopen',
    request: TargetRequestSchema,
    response: z.object({ phone: PhoneViewSchema }),
  },
} as const satisfies Record<string, RouteSpec>;

export type ControlRoutes = typeof controlRoutes;
export type ControlRouteName = keyof ControlRoutes;

/** The routes that take a body, and those that take none. */
export type RouteWithBody = {
  [R in ControlRouteName]: ControlRoutes[R] extends { request: z.ZodMiniType } ? R : never;
}[ControlRouteName];
export type RouteWithoutBody = Exclude<ControlRouteName, RouteWithBody>;

/** A well-formed body of a route: what a caller sends and, once checked, what the agent sees. */
export type ControlRequest<R extends RouteWithBody> = z.output<ControlRoutes[R]['request']>;
/** The answer of a route. */
export type ControlResponse<R extends ControlRouteName> = z.output<ControlRoutes[R]['response']>;
