import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitScale, MIN_FIT_SCALE } from './stage-fit.js';

describe('fitScale', () => {
  it('keeps a page that fits the phone at 1', () => {
    assert.equal(fitScale(393, 393), 1);
    assert.equal(fitScale(393, 200), 1);
    assert.equal(fitScale(393, 393.5), 1, 'subpixel overflow is no reason to shrink');
  });
  it('scales a wider page to fit, never below 0.5 (the rest scrolls sideways)', () => {
    assert.equal(fitScale(393, 600), 393 / 600);
    assert.equal(fitScale(393, 786), 0.5);
    assert.equal(fitScale(393, 1280), MIN_FIT_SCALE);
    assert.equal(MIN_FIT_SCALE, 0.5);
  });
});
