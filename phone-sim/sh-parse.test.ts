import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ShSyntaxError, parseShell } from './sh-parse.js';

const argvOf = (line: string): string[][] => parseShell(line).map((c) => c.argv);

describe('sh command-line parsing', () => {
  it('keeps a single-quoted URL with &, ;, #, quotes and spaces as one word', () => {
    const url = `https://x.test/p?a=1&b=two words;c=3#frag"x"`;
    assert.deepEqual(argvOf(`am start -d '${url}'`), [['am', 'start', '-d', url]]);
  });

  it('joins quoted and unquoted parts, and handles an escaped single quote', () => {
    assert.deepEqual(argvOf(`echo 'it'\\''s' a"b c"d`), [['echo', "it's", 'ab cd']]);
  });

  it('applies backslash rules inside and outside double quotes', () => {
    assert.deepEqual(argvOf(`echo "a\\"b\\$c\\d" e\\ f \\#g`), [['echo', 'a"b$c\\d', 'e f', '#g']]);
  });

  it('treats # as a comment only at the start of a word', () => {
    assert.deepEqual(argvOf('echo http://x/#frag # a comment'), [['echo', 'http://x/#frag']]);
  });

  it('splits lists on ; && || and newlines, keeping the connector', () => {
    const commands = parseShell('true; false && echo no || echo yes\necho last;');
    assert.deepEqual(
      commands.map((c) => [c.after, ...c.argv]),
      [
        [';', 'true'],
        [';', 'false'],
        ['&&', 'echo', 'no'],
        ['||', 'echo', 'yes'],
        [';', 'echo', 'last'],
      ],
    );
  });

  it('parses redirections with and without a file descriptor', () => {
    const [command] = parseShell('getprop ro.x 2>/dev/null >out 2>&1');
    assert.deepEqual(command?.argv, ['getprop', 'ro.x']);
    assert.deepEqual(command?.redirects, [
      { fd: 2, op: '>', target: '/dev/null' },
      { fd: 1, op: '>', target: 'out' },
      { fd: 2, op: '>&', target: '1' },
    ]);
  });

  it('keeps empty quoted words', () => {
    assert.deepEqual(argvOf(`echo '' ""`), [['echo', '', '']]);
  });

  it('rejects unterminated quotes and unsupported syntax with stable codes', () => {
    assert.throws(
      () => parseShell(`echo 'open`),
      (e) => e instanceof ShSyntaxError && e.code === 'SH_SYNTAX',
    );
    assert.throws(
      () => parseShell('echo "open'),
      (e) => e instanceof ShSyntaxError && e.code === 'SH_SYNTAX',
    );
    assert.throws(
      () => parseShell('a &&'),
      (e) => e instanceof ShSyntaxError && e.code === 'SH_SYNTAX',
    );
    assert.throws(
      () => parseShell('getprop | grep imei'),
      (e) => e instanceof ShSyntaxError && e.code === 'SH_UNSUPPORTED',
    );
  });
});
