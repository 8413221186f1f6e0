// Renders docs/errors.md from the error catalogues (protocol/errors/index.ts): the intro, then per
// catalogue its heading, paragraphs and table, formatted by prettier as `prettier --check` wants.
import { format, resolveConfig } from 'prettier';
import type { CodeEntry, ErrorCatalogue } from '../protocol/coded-error.js';
import { errorCatalogues } from '../protocol/errors/index.js';

export const ERRORS_DOC = 'docs/errors.md';

const INTRO = `# Error codes

Every error Tandem reports carries a stable code. Codes never change meaning; new ones are added
to their room's catalogue in \`protocol/errors/\`, and \`npm run docs:errors\` writes this file from
them. The CLI prints \`tandem: <message> [<CODE>]\` and exits non-zero; the HTTP APIs answer
\`{ "error": { "code": "<CODE>", "message": "…" } }\`.`;

function statusCell(entry: CodeEntry): string {
  if (entry.shown !== undefined) return entry.shown;
  const numbers = [entry.status, entry.close].filter((n) => n !== undefined);
  return numbers.length > 0 ? numbers.join(' / ') : '—';
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function tableHead(catalogue: ErrorCatalogue): string[] {
  const { columns = {} } = catalogue;
  const titles = [columns.code ?? 'Code'];
  if (columns.status) titles.push(columns.status);
  titles.push('When');
  if (columns.action) titles.push(columns.action);
  return [row(titles), row(titles.map(() => '---'))];
}

function tableRows(catalogue: ErrorCatalogue): string[] {
  const { columns = {} } = catalogue;
  return Object.entries(catalogue.codes).map(([code, entry]) => {
    const cells = [`\`${code}\``];
    if (columns.status) cells.push(statusCell(entry));
    cells.push(entry.when);
    if (columns.action) cells.push(entry.action ?? '');
    return row(cells);
  });
}

/** The document's blocks (paragraphs, headings, tables), before formatting. */
export function errorDocBlocks(catalogues: readonly ErrorCatalogue[] = errorCatalogues): string[] {
  const blocks: (string | string[])[] = [INTRO];
  let table: string[] | undefined;
  for (const catalogue of catalogues) {
    if (!catalogue.continues || !table) {
      if (catalogue.heading) blocks.push(`## ${catalogue.heading}`);
      blocks.push(...(catalogue.intro ?? []));
      table = tableHead(catalogue);
      blocks.push(table);
    }
    table.push(...tableRows(catalogue));
    if (catalogue.outro) {
      blocks.push(...catalogue.outro);
      table = undefined;
    }
  }
  return blocks.map((block) => (typeof block === 'string' ? block : block.join('\n')));
}

/** docs/errors.md as `npm run docs:errors` writes it. */
export async function renderErrorDoc(): Promise<string> {
  const markdown = `${errorDocBlocks().join('\n\n')}\n`;
  const options = (await resolveConfig(ERRORS_DOC)) ?? {};
  return format(markdown, { ...options, parser: 'markdown' });
}
