// Before Android 5 `dumpsys iphonesubinfo` printed the IMEI as `Device ID = …` (one block per SIM
// on some dual-SIM builds). Later versions, or a permission denial, print no such line.
import { meaningfulLines } from './adb-output.js';

const DEVICE_ID = /^Device ID\s*=\s*(.*)$/;

/** Every non-empty `Device ID` value, in output order (none → empty array). */
export function parseDumpsysIphonesubinfo(text: string): string[] {
  const ids: string[] = [];
  for (const line of meaningfulLines(text)) {
    const value = DEVICE_ID.exec(line)?.[1]?.trim();
    if (value && value !== 'null') ids.push(value);
  }
  return ids;
}
