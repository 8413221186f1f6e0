// The person's settings, kept by the agent in its data folder (settings.json) and changed from the
// desktop UI, the tray and the CLI: the language, and where files from phones are saved.
import * as z from 'zod/mini';
import { locales } from './i18n/locale.js';

const MAX_PATH_CHARS = 4096;

export const SettingsSchema = z.object({
  /** The chosen language; absent: follow the system. */
  language: z.optional(z.enum(locales)),
  /** Where files from phones are saved; absent: the person's Downloads folder, under Tandem/. */
  inboxDir: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_PATH_CHARS))),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** `POST /api/settings`: the settings to change; `null` puts one back to its default. */
const expectedPatch =
  'expected { "language"?: "en" | "zh-CN" | null, "inboxDir"?: "<absolute folder>" | null }';
export const SettingsPatchSchema = z.strictObject(
  {
    language: z.optional(z.nullable(z.enum(locales, { error: expectedPatch }))),
    inboxDir: z.optional(
      z.nullable(
        z
          .string({ error: expectedPatch })
          .check(z.minLength(1, expectedPatch), z.maxLength(MAX_PATH_CHARS, expectedPatch)),
      ),
    ),
  },
  { error: expectedPatch },
);
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
