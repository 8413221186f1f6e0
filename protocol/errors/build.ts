// The build: `npm run build`, and the `tandem` command that rebuilds a stale dist/ (bin/).
import { defineCatalogue, type CodeOf } from '../coded-error.js';

export const buildErrors = defineCatalogue({
  room: 'build',
  heading: 'Build (`npm run build`, the `tandem` command from a checkout)',
  columns: { action: 'What the person can do' },
  codes: {
    BUILD_FAILED: {
      when: "`tandem` found dist/ older than the sources and rebuilding it failed (the bundler's own messages precede it).",
      action:
        'Run `npm run build` to see the full error; fix the source it names, or restore it (git).',
    },
  },
});

export type BuildErrorCode = CodeOf<typeof buildErrors>;
