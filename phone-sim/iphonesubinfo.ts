// `service call iphonesubinfo CODE …` and `dumpsys iphonesubinfo`, per profile. Transaction codes
// moved across Android versions; the shell user needs `s16 com.android.shell` from Android 10 on.
import type { DeviceIdentity } from './profiles.js';
import {
  NOT_A_DATA_MESSAGE,
  formatParcelResult,
  securityExceptionReply,
  stringReply,
} from './parcel.js';

export type ServiceArg =
  | { type: 'i32' | 'i64' | 'f' | 'd'; value: number }
  | { type: 's16'; value: string }
  | { type: 'null' };

const SHELL_PACKAGE = 'com.android.shell';
const METHODS: Record<number, string> = {
  1: 'getDeviceId',
  2: 'getDeviceIdWithFeature',
  3: 'getDeviceIdForPhone',
  4: 'getImeiForSubscriber',
};
/** Beyond this the sim's IPhoneSubInfo has no transaction, like a real out-of-range code. */
const LAST_CODE = 30;

type Reply = Buffer | 'not-a-data-message';

export function hasIphoneSubInfo(id: DeviceIdentity): boolean {
  return id.imei !== undefined;
}

/** The text `service call iphonesubinfo CODE ARGS` prints on this phone. */
export function callIphoneSubInfo(id: DeviceIdentity, code: number, args: ServiceArg[]): string {
  if (!hasIphoneSubInfo(id)) return 'service: Service iphonesubinfo does not exist\n';
  const reply = replyFor(id, code, args);
  return reply === 'not-a-data-message' ? NOT_A_DATA_MESSAGE : formatParcelResult(reply);
}

function replyFor(id: DeviceIdentity, code: number, args: ServiceArg[]): Reply {
  if (code < 1 || code > LAST_CODE) return 'not-a-data-message';
  const asShell = args.some((a) => a.type === 's16' && a.value === SHELL_PACKAGE);
  const firstInt = args.find((a) => a.type === 'i32');
  const slot = firstInt && firstInt.type === 'i32' ? firstInt.value : 0;
  const denied = securityExceptionReply(
    `${METHODS[code] ?? 'getSubscriberInfo'}: The user 2000 does not meet the requirements to access device identifiers.`,
  );
  const imeiOfSlot = (): Buffer =>
    stringReply((slot === 0 ? id.imei : slot === 1 ? id.imei2 : undefined) ?? null);

  switch (id.profile) {
    case 'android-4.4':
    case 'android-9':
      return code === 1 ? stringReply(id.imei ?? null) : stringReply(null);
    case 'android-10':
      if (code === 1) return asShell ? stringReply(id.imei ?? null) : denied;
      if (code === 3) return asShell ? imeiOfSlot() : denied;
      return stringReply(null);
    case 'android-12-dual':
    case 'android-14':
      return code === 4 && asShell ? imeiOfSlot() : denied;
    case 'locked':
    case 'vendor-props':
    case 'tablet':
      return denied;
  }
}

/** `dumpsys iphonesubinfo`: only KitKat still printed the Device ID there. */
export function dumpIphoneSubInfo(id: DeviceIdentity): string {
  if (!hasIphoneSubInfo(id)) return "Can't find service: iphonesubinfo\n";
  if (id.sdk >= 21) return '';
  return `Phone Subscriber Info:\n  Phone Type = GSM\n  Device ID = ${id.imei ?? ''}\n`;
}
