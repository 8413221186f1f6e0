import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { navigationTarget } from './navigation-target.js';

describe('navigationTarget', () => {
  it('keeps http(s) URLs, completes host names, searches for words', () => {
    assert.equal(navigationTarget('https://example.com/a?b=1'), 'https://example.com/a?b=1');
    assert.equal(navigationTarget(' example.com/path '), 'https://example.com/path');
    assert.equal(navigationTarget('localhost:8080/x'), 'http://localhost:8080/x');
    assert.equal(
      navigationTarget('two words', 'https://s.test/?q='),
      'https://s.test/?q=two%20words',
    );
    assert.equal(
      navigationTarget('javascript:alert(1)', 'https://s.test/?q='),
      'https://s.test/?q=javascript%3Aalert(1)',
    );
  });
});
