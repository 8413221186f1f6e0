// Shared by bench/relay and bench/cluster: their result table (columns of fixed width between
// ` | `, the first left-aligned, the numbers right-aligned) and their time-stamped JSON file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Each column's header and width; a header is as wide as its column (the first may be shorter). */
export function printPipeTable(
  columns: ReadonlyArray<readonly [header: string, width: number]>,
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
): void {
  const line = (cells: ReadonlyArray<string | number>) =>
    cells
      .map((cell, i) =>
        i === 0 ? String(cell).padEnd(columns[0]![1]) : String(cell).padStart(columns[i]![1]),
      )
      .join(' | ');
  console.log(line(columns.map(([header]) => header)));
  console.log(columns.map(([, width]) => '-'.repeat(width)).join('-|-'));
  for (const row of rows) console.log(line(row));
}

/** Writes bench/results/<name>-<ISO time>.json and says where. */
export function writeStampedResults(name: string, data: unknown): string {
  const dir = fileURLToPath(new URL('../results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  console.log(`\nwrote ${file}`);
  return file;
}
