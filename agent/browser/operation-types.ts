// The operations the phone asks the PC to perform. Most shapes are protocol/relay-messages.ts's;
// the tab and copy operations are not in protocol/ yet and are defined here (see the report).
import type {
  BackOpSchema,
  ClickOpSchema,
  FindOpSchema,
  ForwardOpSchema,
  InputOpSchema,
  NavigateOpSchema,
  ReloadOpSchema,
  ScrollOpSchema,
  SelectOpSchema,
} from '../../protocol/relay-messages.js';
import type { z } from 'zod';
import type { FindResult } from '../../mirror/ops/find-in-page.js';

/** Show a PC tab on the phone (and make it the PC's active tab), or close it. */
export interface TabOp {
  type: 'op.tab';
  action: 'show' | 'close';
  tabId: string;
}

/** Select an element's text on the PC (or take the PC's current selection) and copy it to the phone. */
export interface CopyOp {
  type: 'op.copy';
  ref?: string;
}

export type BrowserOperation =
  | z.infer<typeof NavigateOpSchema>
  | z.infer<typeof BackOpSchema>
  | z.infer<typeof ForwardOpSchema>
  | z.infer<typeof ReloadOpSchema>
  | z.infer<typeof ScrollOpSchema>
  | z.infer<typeof FindOpSchema>
  | z.infer<typeof ClickOpSchema>
  | z.infer<typeof InputOpSchema>
  | z.infer<typeof SelectOpSchema>
  | TabOp
  | CopyOp;

export interface OperationResult {
  /** For `op.find`: the match count and current index, so the phone highlights the same. */
  find?: FindResult;
  /** For `op.copy`: the copied text. */
  text?: string;
}
