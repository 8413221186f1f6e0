import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  hasLuhnCheckDigit,
  IdentityKindSchema,
  isLuhnValid,
  luhnComplete,
  maskIdentity,
  phoneIdentity,
  validateImei,
} from './identity.js';

describe('Luhn', () => {
  it('completes IMEIs with the Luhn digit', () => {
    assert.equal(luhnComplete('49015420323751'), '490154203237518');
    assert.equal(isLuhnValid('490154203237518'), true);
    assert.equal(isLuhnValid('490154203237519'), false);
    assert.throws(() => luhnComplete('123'), RangeError);
    assert.equal(maskIdentity('490154203237518'), '****7518');
  });

  it('checks the last digit of a run of any length; an IMEI must also be 15 digits', () => {
    assert.equal(hasLuhnCheckDigit('79927398713'), true);
    assert.equal(hasLuhnCheckDigit('79927398710'), false);
    assert.equal(isLuhnValid('79927398713'), false, 'Luhn-valid but not 15 digits');
    for (const body of ['35332505123456', '86839304512345', '00000000000000']) {
      assert.equal(isLuhnValid(luhnComplete(body)), true, body);
    }
  });
});

describe('validateImei', () => {
  it('accepts 15 digits with a Luhn check digit and refuses placeholders', () => {
    for (const good of ['356938035643809', '490154203237518', '861536030196001']) {
      assert.equal(validateImei(good), true, good);
    }
    const bad = {
      'wrong check digit': '356938035643808',
      'too short': '35693803564380',
      'too long': '3569380356438090',
      'not digits': '35693803564380a',
      spaces: ' 356938035643809',
      'all zeros': '000000000000000',
      'emulator placeholder (Luhn-valid)': '004999010640000',
      empty: '',
    };
    for (const [why, imei] of Object.entries(bad)) assert.equal(validateImei(imei), false, why);
  });
});

describe('maskIdentity', () => {
  it('keeps only the last four characters', () => {
    assert.equal(maskIdentity('356938035643809'), '****3809');
    assert.equal(maskIdentity('490154203237518'), '****7518');
    assert.equal(maskIdentity('ab'), '****ab');
  });
});

describe('phoneIdentity', () => {
  it('carries the kind, the value and its masked form, for every kind', () => {
    assert.deepEqual(phoneIdentity('imei', '490154203237518'), {
      kind: 'imei',
      value: '490154203237518',
      masked: '****7518',
    });
    assert.deepEqual(phoneIdentity('serial', 'R58M12ABCDE').masked, '****BCDE');
    assert.deepEqual(phoneIdentity('android_id', 'a1b2c3d4e5f60718').masked, '****0718');
  });

  it('names the same kinds the wire accepts', () => {
    assert.deepEqual(IdentityKindSchema.options, ['imei', 'serial', 'android_id']);
  });
});
