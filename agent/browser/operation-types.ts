// The operations the phone asks the PC to perform: the protocol's op.* messages
// (protocol/relay-messages.ts), so what arrives over the relay is performed as it is.
import type { z } from 'zod/mini';
import type {
  BackOpSchema,
  ClickOpSchema,
  CopyOpSchema,
  FindOpSchema,
  ForwardOpSchema,
  InputOpSchema,
  NavigateOpSchema,
  ReloadOpSchema,
  ScrollOpSchema,
  SelectOpSchema,
  TabOpSchema,
} from '../../protocol/relay-messages.js';
import type { FindResult } from '../../mirror/ops/find-in-page.js';

/** Show a PC tab on the phone (and make it the PC's active tab), or close it. */
export type TabOp = z.infer<typeof TabOpSchema>;

/** Select an element's text on the PC (or take the PC's current selection) and copy it to the phone. */
export type CopyOp = z.infer<typeof CopyOpSchema>;

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
