// The identity reader's public surface: the strategy, its adb entry point, and the pure parsers.
export { readPhoneIdentity } from './read-phone.js';
export {
  readIdentity,
  DEFAULT_CALL_TIMEOUT_MS,
  DEFAULT_TOTAL_TIMEOUT_MS,
  type ReadIdentityOptions,
} from './read-identity.js';
export { parseGetprop, phoneInfoFromProps } from './getprop.js';
export { parseParcel, type ParcelResult } from './parcel.js';
export { readString16 } from './string16.js';
export { parseDumpsysIphonesubinfo } from './dumpsys.js';
export { parseAndroidId } from './android-id.js';
export { validateSerial } from './serial.js';
export { SHELL_IMEI_SOURCES, PROP_IMEI_SOURCES, shellSourcesFor } from './imei-sources.js';
