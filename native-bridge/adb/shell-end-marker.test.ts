import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stripEndMarker, withEndMarker } from './shell-end-marker.js';

// What the phone prints for `withEndMarker(command)`: the command's output, then the echoed marker.
const marker =
  withEndMarker('true')
    .split('\n')[1]
    ?.replace(/^echo /, '') ?? '';

test('the marker runs after the command on its own line', () => {
  assert.equal(withEndMarker('getprop # all of them'), `getprop # all of them\necho ${marker}`);
});

test('a complete answer comes back without the marker, line ends untouched', () => {
  assert.equal(stripEndMarker(`[a]: [b]\n${marker}\n`), '[a]: [b]\n');
  assert.equal(stripEndMarker(`19\r\n${marker}\r\n`), '19\r\n');
  assert.equal(stripEndMarker(`no newline${marker}\n`), 'no newline');
  assert.equal(stripEndMarker(`${marker}\n`), '');
});

test('an answer cut before the marker is recognised', () => {
  assert.equal(stripEndMarker(''), undefined);
  assert.equal(stripEndMarker('[a]: [b]\n[c]: ['), undefined);
  assert.equal(stripEndMarker(`${marker.slice(0, 5)}`), undefined);
});
