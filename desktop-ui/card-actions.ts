// The actions a phone card offers beside sending, each a function that renders its control for a
// phone in a state, or nothing. A new action is one import and one entry here.
import type { Words } from '../protocol/i18n/desktop-words.js';
import type { PhoneView } from '../protocol/control-responses.js';
import type { ControlClient } from './control-client.js';
import { reopenAction } from './reopen-action.js';
import { takeoverActions } from './takeover-actions.js';

export type CardAction = (api: ControlClient, phone: PhoneView, words: Words) => HTMLElement | null;

export const cardActions: CardAction[] = [reopenAction, takeoverActions];
