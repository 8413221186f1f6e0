// The simulated phones. Each profile copies how one family of real Android phones exposes (or
// hides) its identifiers, so the identity reader can be tested against every path it must handle.
import { luhnComplete } from '../protocol/identity.js';
import { PhoneSimError } from './errors.js';

export type PhoneSimProfileName =
  | 'android-4.4'
  | 'android-9'
  | 'android-10'
  | 'android-12-dual'
  | 'android-14'
  | 'tablet'
  | 'locked'
  | 'vendor-props';

export interface DeviceIdentity {
  readonly profile: PhoneSimProfileName;
  readonly sdk: number;
  readonly release: string;
  readonly model: string;
  readonly manufacturer: string;
  readonly brand: string;
  /** ro.product.device and ro.product.name, as in the CNXN banner. */
  readonly device: string;
  readonly product: string;
  /** ro.serialno; `unknown` when the phone hides it. */
  readonly serial: string;
  /** Undefined on a phone without telephony. */
  readonly imei: string | undefined;
  readonly imei2: string | undefined;
  readonly androidId: string;
}

interface ProfileDefaults extends Omit<DeviceIdentity, 'profile'> {
  readonly summary: string;
}

const PROFILES: Record<PhoneSimProfileName, ProfileDefaults> = {
  'android-4.4': {
    summary: 'KitKat: service call code 1 and dumpsys both give the IMEI; CRLF output (pty shell)',
    ...phone(19, '4.4.2', 'GT-I9505', 'samsung', 'samsung', 'jflte', 'jfltexx', '4d00a1b2c3e4f5a6'),
    imei: luhnComplete('35332505123456'),
    androidId: 'a1b2c3d4e5f60718',
  },
  'android-9': {
    summary: 'Pie: service call iphonesubinfo 1 gives the IMEI, dumpsys has no Device ID',
    ...phone(28, '9', 'Pixel 2', 'Google', 'google', 'walleye', 'walleye', 'FA79K1A02345'),
    imei: luhnComplete('35803208765432'),
    androidId: '9f8e7d6c5b4a3921',
  },
  'android-10': {
    summary: 'Android 10: code 1 needs s16 com.android.shell; 3 i32 SLOT s16 … per slot',
    ...phone(29, '10', 'Pixel 3', 'Google', 'google', 'blueline', 'blueline', '8ABX0Y1Z2'),
    imei: luhnComplete('35609610123987'),
    androidId: '0f1e2d3c4b5a6978',
  },
  'android-12-dual': {
    summary: 'Android 12, two SIMs: 4 i32 0|1 s16 com.android.shell gives IMEI1|IMEI2',
    ...phone(31, '12', 'SM-A525F', 'samsung', 'samsung', 'a52q', 'a52qnsxx', 'R58R40ABCDE'),
    imei: luhnComplete('35204311223344'),
    imei2: luhnComplete('35204311223369'),
    androidId: '5e6f708192a3b4c5',
  },
  'android-14': {
    summary: 'Android 14: only 4 i32 SLOT s16 com.android.shell works',
    ...phone(34, '14', 'Pixel 8', 'Google', 'google', 'shiba', 'shiba', '38011FDJH00ABC'),
    imei: luhnComplete('35917645678901'),
    androidId: '1c2d3e4f5a6b7c8d',
  },
  tablet: {
    summary: 'Wi-Fi tablet: no iphonesubinfo service, no IMEI; the serial is the identity',
    ...phone(33, '13', 'SM-X200', 'samsung', 'samsung', 'gta8wifi', 'gta8wifixx', 'R52T30XYZAB'),
    androidId: '7a8b9c0d1e2f3a4b',
  },
  locked: {
    summary: 'Locked down: every IMEI path refused, serial unknown; only android_id is left',
    ...phone(34, '14', 'Pixel 7', 'Google', 'google', 'panther', 'panther', 'unknown'),
    imei: luhnComplete('35547211998877'),
    androidId: 'd4c3b2a190817263',
  },
  'vendor-props': {
    summary: 'MIUI-like: service calls refused, but getprop ro.ril.miui.imei0 holds the IMEI',
    ...phone(28, '9', 'M1906G7G', 'Xiaomi', 'Redmi', 'begonia', 'begonia_eea', 'a1b2c3d4'),
    imei: luhnComplete('86839304512345'),
    androidId: '3b4c5d6e7f8091a2',
  },
};

function phone(
  sdk: number,
  release: string,
  model: string,
  manufacturer: string,
  brand: string,
  device: string,
  product: string,
  serial: string,
): Omit<ProfileDefaults, 'summary' | 'androidId'> & { imei: undefined; imei2: undefined } {
  return {
    sdk,
    release,
    model,
    manufacturer,
    brand,
    device,
    product,
    serial,
    imei: undefined,
    imei2: undefined,
  };
}

export const PROFILE_NAMES = Object.keys(PROFILES) as PhoneSimProfileName[];

export function isProfileName(name: string): name is PhoneSimProfileName {
  return Object.hasOwn(PROFILES, name);
}

export function profileSummary(name: PhoneSimProfileName): string {
  return PROFILES[name].summary;
}

export interface IdentityOverrides {
  imei?: string;
  imei2?: string;
  serial?: string;
  model?: string;
  manufacturer?: string;
  brand?: string;
  androidId?: string;
}

/** A profile's defaults with the caller's overrides applied, each override checked. */
export function resolveIdentity(
  name: PhoneSimProfileName,
  overrides: IdentityOverrides = {},
): DeviceIdentity {
  if (!isProfileName(name)) {
    throw new PhoneSimError('PHONE_SIM_UNKNOWN_PROFILE', `unknown profile "${String(name)}"`);
  }
  const { summary: _summary, ...defaults } = PROFILES[name];
  const telephony = defaults.imei !== undefined;
  checkImei('imei', overrides.imei);
  checkImei('imei2', overrides.imei2);
  checkText('serial', overrides.serial, /^[\w.:-]{1,64}$/);
  checkText('androidId', overrides.androidId, /^[0-9a-f]{1,32}$/i);
  for (const key of ['model', 'manufacturer', 'brand'] as const) {
    checkText(key, overrides[key], /^[^\n\r\]\0;]{1,64}$/);
  }
  return {
    ...defaults,
    profile: name,
    // A phone without telephony has no IMEI to override.
    imei: telephony ? (overrides.imei ?? defaults.imei) : undefined,
    imei2: telephony ? (overrides.imei2 ?? defaults.imei2) : undefined,
    serial: overrides.serial ?? defaults.serial,
    model: overrides.model ?? defaults.model,
    manufacturer: overrides.manufacturer ?? defaults.manufacturer,
    brand: overrides.brand ?? defaults.brand,
    androidId: overrides.androidId ?? defaults.androidId,
  };
}

// Any digit string is allowed (tests need invalid IMEIs too); the value never enters a message.
function checkImei(key: string, value: string | undefined): void {
  if (value !== undefined && !/^\d{1,20}$/.test(value)) {
    throw new PhoneSimError('PHONE_SIM_INVALID_OPTION', `${key} must be 1 to 20 digits`);
  }
}

function checkText(key: string, value: string | undefined, pattern: RegExp): void {
  if (value !== undefined && !pattern.test(value)) {
    throw new PhoneSimError('PHONE_SIM_INVALID_OPTION', `${key} has an invalid value`);
  }
}
