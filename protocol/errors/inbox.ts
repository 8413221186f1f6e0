// The inbox of what phones sent (`GET /api/inbox`, `POST /api/inbox/open` and `/show`, the desktop
// UI's Inbox, `tandem inbox`): control API codes.
import { defineCatalogue } from '../coded-error.js';

export const inboxErrors = defineCatalogue({
  room: 'inbox',
  heading: "Inbox (`POST /api/inbox/open` and `/api/inbox/show`, the desktop UI's Inbox)",
  columns: { status: 'HTTP', action: 'What the person can do' },
  codes: {
    INBOX_ITEM_NOT_FOUND: {
      status: 404,
      when: 'No inbox item has that id (it was dropped: the inbox keeps the newest 500).',
      action: 'Reload the inbox list.',
    },
    INBOX_NOT_OPENABLE: {
      status: 409,
      when: 'The item cannot be opened that way: text has nothing to open, a link no folder to show.',
      action: 'Copy the text instead.',
    },
    INBOX_FILE_MISSING: {
      status: 410,
      when: 'The saved file is no longer in the inbox folder (moved or deleted).',
      action: 'Look for it where you moved it, or send it from the phone again.',
    },
    INBOX_OPEN_FAILED: {
      status: 500,
      when: 'The system could not open the file or its folder (no application for the file type).',
      action: 'Open the inbox folder yourself and open the file from there.',
    },
  },
  shared: ['CONTROL_BAD_REQUEST', 'CONTROL_NOT_AVAILABLE'],
});
