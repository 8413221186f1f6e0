// The mirror's transport: a page too large to mirror, parts that do not join up.
import { defineCatalogue, type CodeOf } from '../coded-error.js';

export const mirrorErrors = defineCatalogue({
  room: 'mirror',
  columns: { action: 'What the person can do' },
  continues: true,
  codes: {
    MIRROR_TOO_LARGE: {
      when: "A page's snapshot (or a patch) is over 32 MiB as JSON: the PC sends `mirror.unavailable` and the phone says the page is too large to mirror.",
      action: 'Open a smaller page, or use the page on the PC.',
    },
    MIRROR_PARTS_INVALID: {
      when: 'The phone got `mirror.part`s that do not join up (a gap, a size that does not add up, bad gzip or JSON); it drops them and waits for the next snapshot.',
      action: 'None: a fresh snapshot follows; report it if it repeats.',
    },
  },
});

export type MirrorErrorCode = CodeOf<typeof mirrorErrors>;
