// Small files with one job: no source file over 300 lines, and the median under 100 (tests, which
// hold tables of cases, are exempt). The files are what git tracks, plus new ones not yet added.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const MAX_LINES = 300;
const MEDIAN_UNDER = 100;

function sourceFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    encoding: 'utf8',
  });
  return listed
    .split('\n')
    .filter((file) => /\.(ts|js|cjs|mjs)$/.test(file))
    .filter((file) => !/\.(test|itest|robust)\.ts$/.test(file) && !file.startsWith('dist/'));
}

const lineCount = (file: string): number => readFileSync(file, 'utf8').split('\n').length - 1;

test(`no source file is over ${MAX_LINES} lines and the median stays under ${MEDIAN_UNDER}`, () => {
  const sizes = sourceFiles().flatMap((file) => {
    try {
      return [{ file, lines: lineCount(file) }];
    } catch {
      return []; // deleted in the working tree, not yet in the index
    }
  });
  assert.ok(sizes.length > 100, `only ${sizes.length} source files found`);
  const over = sizes.filter((s) => s.lines > MAX_LINES).map((s) => `${s.file} (${s.lines})`);
  assert.deepEqual(over, [], 'split these by concern');
  const sorted = sizes.map((s) => s.lines).sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
  assert.ok(median < MEDIAN_UNDER, `median ${median} lines`);
});
