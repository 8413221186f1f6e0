// Where each Android release exposes the IMEI to the `shell` user, in the order to ask. The
// strategy walks this table; adding a release or a vendor means adding a row, not a branch.

/** Android releases by SDK level; `max` is inclusive. */
export interface SdkRange {
  min: number;
  max: number;
}

export interface ShellImeiSource {
  sdk: SdkRange;
  command: string;
  parse: 'dumpsys' | 'parcel';
  /** SIM slot the answer belongs to; absent when the phone picks (its default, usually slot 0). */
  slot?: number;
}

export interface PropImeiSource {
  prop: string;
  slot?: number;
}

const ANY = 1_000;
const SHELL_PACKAGE = 's16 com.android.shell';
const SLOTS = [0, 1] as const;

const perSlot = (sdk: SdkRange, code: number): ShellImeiSource[] =>
  SLOTS.map((slot) => ({
    sdk,
    command: `service call iphonesubinfo ${code} i32 ${slot} ${SHELL_PACKAGE}`,
    parse: 'parcel',
    slot,
  }));

export const SHELL_IMEI_SOURCES: readonly ShellImeiSource[] = [
  { sdk: { min: 1, max: 20 }, command: 'dumpsys iphonesubinfo', parse: 'dumpsys' },
  // getDeviceId(); from Android 5 it takes the calling package.
  { sdk: { min: 1, max: 28 }, command: 'service call iphonesubinfo 1', parse: 'parcel' },
  {
    sdk: { min: 21, max: 29 },
    command: `service call iphonesubinfo 1 ${SHELL_PACKAGE}`,
    parse: 'parcel',
  },
  // getDeviceIdForPhone(slot, package) is code 3 up to Android 10, code 4 (getImeiForSubscriber) after.
  ...perSlot({ min: 22, max: 29 }, 3),
  ...perSlot({ min: 30, max: ANY }, 4),
];

/** Vendor properties that carry IMEIs (MediaTek, MIUI, OEM RILs), read from the one getprop. */
export const PROP_IMEI_SOURCES: readonly PropImeiSource[] = [
  { prop: 'gsm.baseband.imei' },
  { prop: 'ro.gsm.imei' },
  { prop: 'ril.imei' },
  { prop: 'ro.ril.miui.imei0', slot: 0 },
  { prop: 'ro.ril.miui.imei1', slot: 1 },
  { prop: 'ro.ril.oem.imei1', slot: 0 },
  { prop: 'ro.ril.oem.imei2', slot: 1 },
  { prop: 'persist.radio.imei1', slot: 0 },
  { prop: 'persist.radio.imei2', slot: 1 },
];

/** The shell sources for one SDK level; an unknown level (0) is treated as the newest. */
export function shellSourcesFor(sdk: number): ShellImeiSource[] {
  const level = sdk > 0 ? sdk : ANY;
  return SHELL_IMEI_SOURCES.filter((source) => level >= source.sdk.min && level <= source.sdk.max);
}
