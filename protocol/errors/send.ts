// Send to phone (`POST /api/send`, `tandem send`, the desktop UI's send buttons): control API codes.
import { defineCatalogue, type CodeOf } from '../coded-error.js';

export const sendErrors = defineCatalogue({
  room: 'send',
  heading: "Send to phone (`POST /api/send`, `tandem send`, the desktop UI's send buttons)",
  intro: [
    `Messages never quote the phone a request named (it could be a raw IMEI typed by mistake); they list
the connected phones by serial and masked identity instead.`,
  ],
  columns: { status: 'HTTP', action: 'What the person can do' },
  codes: {
    NOTHING_SELECTED: {
      status: 409,
      when: '"Send selection" while no text is selected in the page the phones see.',
      action: 'Select some text in that page first.',
    },
    NO_PAGE_SHOWN: {
      status: 409,
      when: '"Send this page" while the browser session shows no http(s) page.',
      action: 'Open a page, or give the URL (`tandem send --link URL`).',
    },
    NO_PHONE_CONNECTED: {
      status: 409,
      when: 'No phone has a live session.',
      action: 'Plug a phone in and wait until it is `connected`.',
    },
    PHONE_NOT_FOUND: {
      status: 404,
      when: '`--to` names no connected phone.',
      action: 'Use a serial or masked identity from `tandem status`.',
    },
    PHONE_AMBIGUOUS: {
      status: 409,
      when: '`--to` (a masked identity) matches several connected phones.',
      action: 'Name the phone by its serial.',
    },
    TEXT_TOO_LONG: {
      status: 413,
      when: 'The text or selection is over 100,000 characters (one relay message).',
      action: "Send less, or send it as a file from the phone's side.",
    },
    IMAGE_FETCH_FAILED: {
      status: 502,
      when: 'The image URL could not be reached or answered an HTTP error.',
      action: "Check the URL and the PC's network.",
    },
    IMAGE_NOT_AN_IMAGE: {
      status: 415,
      when: "The URL's content type is not `image/*`.",
      action: 'Give the address of the image itself.',
    },
    IMAGE_TOO_LARGE: {
      status: 413,
      when: 'The image is over 16 MB (declared or counted while reading).',
      action: 'Send a smaller image.',
    },
    IMAGE_TIMEOUT: {
      status: 504,
      when: 'The whole image took longer than 15 s.',
      action: 'Try again, or a smaller image.',
    },
  },
  shared: ['CONTROL_BAD_REQUEST', 'CONTROL_NOT_AVAILABLE'],
  outro: [
    `A malformed request body is \`CONTROL_BAD_REQUEST\` (400); an agent without a browser session answers
"Send selection" and "Send this page" with \`CONTROL_NOT_AVAILABLE\` (503).`,
  ],
});

export type SendErrorCode = CodeOf<typeof sendErrors>;
