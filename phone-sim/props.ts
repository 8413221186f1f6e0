// System properties (`getprop`) of a simulated phone, and the CNXN banner derived from them.
import type { DeviceIdentity } from './profiles.js';

/** Few features on purpose: without shell_v2 and delayed_ack the host uses plain `shell:`. */
export const DEVICE_FEATURES = ['cmd', 'stat_v2'];

export function buildProps(id: DeviceIdentity): Record<string, string> {
  const props: Record<string, string> = {
    'dalvik.vm.heapsize': '512m',
    'init.svc.adbd': 'running',
    'net.bt.name': 'Android',
    'persist.sys.timezone': 'Europe/Paris',
    'persist.sys.usb.config': 'mtp,adb',
    'ro.boot.serialno': id.serial,
    'ro.build.characteristics': id.imei === undefined ? 'tablet' : 'default',
    'ro.build.fingerprint': `${id.brand}/${id.product}/${id.device}:${id.release}/SIM1.${id.sdk}0101.001/1234567:user/release-keys`,
    'ro.build.id': `SIM1.${id.sdk}0101.001`,
    'ro.build.type': 'user',
    'ro.build.version.release': id.release,
    'ro.build.version.sdk': String(id.sdk),
    'ro.debuggable': '0',
    'ro.hardware': id.device,
    'ro.product.board': id.device,
    'ro.product.brand': id.brand,
    'ro.product.cpu.abi': 'arm64-v8a',
    'ro.product.device': id.device,
    'ro.product.locale': 'en-US',
    'ro.product.manufacturer': id.manufacturer,
    'ro.product.model': id.model,
    'ro.product.name': id.product,
    'ro.secure': '1',
    'ro.serialno': id.serial,
    'sys.boot_completed': '1',
    'sys.usb.state': 'mtp,adb',
  };
  // Security patch levels appeared with Marshmallow.
  if (id.sdk >= 23) props['ro.build.version.security_patch'] = '2024-01-05';
  if (id.imei !== undefined) Object.assign(props, telephonyProps(id));
  if (id.profile === 'vendor-props') Object.assign(props, miuiProps(id));
  return Object.fromEntries(Object.entries(props).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function telephonyProps(id: DeviceIdentity): Record<string, string> {
  const dual = id.imei2 !== undefined;
  return {
    'gsm.network.type': dual ? 'LTE,Unknown' : 'LTE',
    'gsm.operator.alpha': dual ? 'Orange F,' : 'Orange F',
    'gsm.sim.state': dual ? 'READY,ABSENT' : 'READY',
    'gsm.version.baseband': `${id.device.toUpperCase()}-BASEBAND-1.0`,
    'persist.radio.multisim.config': dual ? 'dsds' : 'ssss',
    'ro.telephony.default_network': dual ? '9,9' : '9',
  };
}

// MIUI copies the IMEIs into vendor properties that any shell can read.
function miuiProps(id: DeviceIdentity): Record<string, string> {
  const props: Record<string, string> = {
    'ro.miui.ui.version.code': '9',
    'ro.miui.ui.version.name': 'V11',
  };
  if (id.imei !== undefined) props['ro.ril.miui.imei0'] = id.imei;
  if (id.imei2 !== undefined) props['ro.ril.miui.imei1'] = id.imei2;
  return props;
}

/** adbd's CNXN banner: `device::ro.product.name=…;ro.product.model=…;ro.product.device=…;features=…`. */
export function buildBanner(id: DeviceIdentity): string {
  return (
    `device::ro.product.name=${id.product};ro.product.model=${id.model};` +
    `ro.product.device=${id.device};features=${DEVICE_FEATURES.join(',')}`
  );
}
