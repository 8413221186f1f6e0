import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isLuhnValid, maskIdentity } from '../protocol/identity.js';
import { PROFILE_NAMES, resolveIdentity } from './profiles.js';
import { buildBanner, buildProps } from './props.js';
import { PhoneSimError } from './errors.js';

describe('profiles', () => {
  it('gives every telephony profile valid, distinct default IMEIs', () => {
    const imeis = PROFILE_NAMES.flatMap((name) => {
      const id = resolveIdentity(name);
      return [id.imei, id.imei2].filter((x): x is string => x !== undefined);
    });
    assert.equal(imeis.length, 8);
    for (const imei of imeis) assert.ok(isLuhnValid(imei), maskIdentity(imei));
    assert.equal(new Set(imeis).size, imeis.length);
    assert.equal(resolveIdentity('tablet').imei, undefined);
  });

  it('applies overrides to the props and the CNXN banner', () => {
    const id = resolveIdentity('android-14', {
      model: 'Test Model',
      serial: 'SER123',
      brand: 'acme',
    });
    const props = buildProps(id);
    assert.equal(props['ro.product.model'], 'Test Model');
    assert.equal(props['ro.serialno'], 'SER123');
    assert.equal(props['ro.boot.serialno'], 'SER123');
    assert.equal(props['ro.build.version.sdk'], '34');
    assert.equal(props['ro.product.brand'], 'acme');
    assert.match(
      buildBanner(id),
      /^device::ro\.product\.name=shiba;ro\.product\.model=Test Model;ro\.product\.device=shiba;features=/,
    );
    assert.doesNotMatch(buildBanner(id), /shell_v2|delayed_ack/);
  });

  it('hides identifiers per profile: locked serial, vendor IMEI property', () => {
    assert.equal(buildProps(resolveIdentity('locked'))['ro.serialno'], 'unknown');
    const vendor = resolveIdentity('vendor-props', { imei: '490154203237518' });
    assert.equal(buildProps(vendor)['ro.ril.miui.imei0'], '490154203237518');
    for (const name of PROFILE_NAMES.filter((n) => n !== 'vendor-props')) {
      const props = buildProps(resolveIdentity(name));
      const leaked = Object.entries(props).filter(([, v]) => /^\d{15}$/.test(v));
      assert.deepEqual(leaked, [], `${name} must not expose an IMEI in getprop`);
    }
  });

  it('refuses bad options with a stable code and never echoes an IMEI', () => {
    const bad = (overrides: Parameters<typeof resolveIdentity>[1]) => () =>
      resolveIdentity('android-9', overrides);
    const check = (e: unknown): boolean =>
      e instanceof PhoneSimError &&
      e.code === 'PHONE_SIM_INVALID_OPTION' &&
      !/35693/.test(e.message);
    assert.throws(bad({ imei: '35693x035643809' }), check);
    assert.throws(bad({ serial: 'has space' }), check);
    assert.throws(bad({ model: 'a;b' }), check);
    assert.throws(
      () => resolveIdentity('android-5' as never),
      (e) => e instanceof PhoneSimError && e.code === 'PHONE_SIM_UNKNOWN_PROFILE',
    );
  });
});
