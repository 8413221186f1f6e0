import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkControlRequest } from './guard.js';

const token = 'a'.repeat(64);
const ok = {
  host: '127.0.0.1:4000',
  origin: undefined,
  authorization: `Bearer ${token}`,
  queryToken: undefined,
};

test('a loopback request with the token passes', () => {
  assert.equal(checkControlRequest(ok, 4000, token), undefined);
  assert.equal(
    checkControlRequest(
      { ...ok, host: 'localhost:4000', origin: 'http://localhost:4000' },
      4000,
      token,
    ),
    undefined,
  );
  assert.equal(
    checkControlRequest({ ...ok, authorization: undefined, queryToken: token }, 4000, token),
    undefined,
  );
});

test('a foreign Host (DNS rebinding) is refused', () => {
  assert.equal(
    checkControlRequest({ ...ok, host: 'evil.example:4000' }, 4000, token),
    'CONTROL_BAD_HOST',
  );
  assert.equal(
    checkControlRequest({ ...ok, host: '127.0.0.1:4001' }, 4000, token),
    'CONTROL_BAD_HOST',
  );
  assert.equal(checkControlRequest({ ...ok, host: undefined }, 4000, token), 'CONTROL_BAD_HOST');
});

test('a cross-origin browser request is refused', () => {
  assert.equal(
    checkControlRequest({ ...ok, origin: 'https://evil.example' }, 4000, token),
    'CONTROL_BAD_ORIGIN',
  );
});

test('a missing or wrong token is refused, unless the path is a public UI asset', () => {
  assert.equal(
    checkControlRequest({ ...ok, authorization: undefined }, 4000, token),
    'CONTROL_UNAUTHORIZED',
  );
  assert.equal(
    checkControlRequest({ ...ok, authorization: `Bearer ${'b'.repeat(64)}` }, 4000, token),
    'CONTROL_UNAUTHORIZED',
  );
  assert.equal(
    checkControlRequest({ ...ok, authorization: 'Bearer short' }, 4000, token),
    'CONTROL_UNAUTHORIZED',
  );
  assert.equal(
    checkControlRequest({ ...ok, authorization: undefined }, 4000, token, { tokenRequired: false }),
    undefined,
  );
  assert.equal(
    checkControlRequest({ ...ok, host: 'evil:4000' }, 4000, token, { tokenRequired: false }),
    'CONTROL_BAD_HOST',
  );
});
