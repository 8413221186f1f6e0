// One error model for every room: an error carries a stable code from its room's catalogue, and
// each catalogue says, per code, its HTTP status (where it has one), what happened and what the
// person can do. docs/errors.md is generated from the catalogues (protocol/errors/index.ts).

/** An error with a stable code; a room's subclass narrows `Code` to its catalogue's codes. */
export class CodedError<Code extends string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** What one code means, in the words docs/errors.md shows. */
export interface CodeEntry {
  /** The short name code uses for it (`BridgeErrorCode.AdbNotFound`), where the room has one. */
  readonly name?: string;
  /** The HTTP status answered with this code, where it is an HTTP answer. */
  readonly status?: number;
  /** The WebSocket close code that goes with it (the relay). */
  readonly close?: number;
  /** How the status column shows it when numbers do not say it ("(client)", "(dropped)"). */
  readonly shown?: string;
  /** What happened. */
  readonly when: string;
  /** What the person (or the caller) can do; absent where the table has no such column. */
  readonly action?: string;
  /**
   * The room whose catalogue owns this code, when this row tells, in this table's words, a code
   * another room defines (a pairing reason that is the error behind it). Same code, same meaning.
   */
  readonly owner?: string;
}

/** How a catalogue's table looks in docs/errors.md. */
export interface TableColumns {
  /** The first column's title: "Code", or "Reason" for the pairing reasons. */
  readonly code?: string;
  /** The status column's title ("HTTP", "Status", "HTTP / close"), if the table has one. */
  readonly status?: string;
  /** The last column's title ("What the person can do"), if the table has one. */
  readonly action?: string;
}

export interface CatalogueSpec<Entries extends Record<string, CodeEntry>, Shared extends string> {
  /** The room (or part of it) whose codes these are; unique across the index. */
  readonly room: string;
  /** The `##` heading that starts a section; absent when the catalogue continues the last one. */
  readonly heading?: string;
  /** Paragraphs before the table (line breaks kept as written). */
  readonly intro?: readonly string[];
  readonly columns?: TableColumns;
  /** The rows continue the previous catalogue's table (same columns) instead of a new table. */
  readonly continues?: boolean;
  /** This room's codes, in the order the table shows them. */
  readonly codes: Entries;
  /** Codes this room also raises that another catalogue owns and shows (same meaning), no row here. */
  readonly shared?: readonly Shared[];
  /** Paragraphs after the table. */
  readonly outro?: readonly string[];
}

export interface ErrorCatalogue<Code extends string = string> extends CatalogueSpec<
  Readonly<Record<string, CodeEntry>>,
  string
> {
  /** Every code an error of this room may carry: its own and the shared ones. */
  readonly all: readonly Code[];
}

/** The code union of a catalogue. */
export type CodeOf<C> = C extends ErrorCatalogue<infer Code> ? Code : never;

/** Declares a room's catalogue; its code union is the keys of `codes` plus `shared`. */
export function defineCatalogue<
  const Entries extends Record<string, CodeEntry>,
  const Shared extends string = never,
>(
  spec: CatalogueSpec<Entries, Shared>,
): ErrorCatalogue<(keyof Entries & string) | Shared> & { readonly codes: Entries } {
  const own = Object.keys(spec.codes) as (keyof Entries & string)[];
  return { ...spec, all: [...own, ...(spec.shared ?? [])] };
}

/** The short names of a catalogue's codes: `{ AdbNotFound: 'ADB_NOT_FOUND', … }`. */
export type CodeNames<Entries> = {
  readonly [
    Code in keyof Entries as Entries[Code] extends { name: infer Name extends string }
      ? Name
      : never
  ]: Code;
};

/**
 * Compile-time check for a short-name map written out by hand (where a browser bundle must not
 * carry the catalogue's texts): `true` only when every code has a name.
 */
export type NamesEveryCode<Code extends string, Names extends Readonly<Record<string, string>>> = [
  Exclude<Code, Names[keyof Names]>,
] extends [never]
  ? true
  : { missingNames: Exclude<Code, Names[keyof Names]> };

export function codeNames<const Entries extends Record<string, CodeEntry>>(catalogue: {
  codes: Entries;
}): CodeNames<Entries> {
  const names: Record<string, string> = {};
  for (const [code, entry] of Object.entries(catalogue.codes)) {
    if (entry.name) names[entry.name] = code;
  }
  return names as CodeNames<Entries>;
}
