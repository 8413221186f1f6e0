// The two languages Tandem speaks and how one is chosen from what the system prefers
// (`navigator.languages`, Electron's `app.getLocale()`, or `LANG` such as `zh_CN.UTF-8`).

export const locales = ['en', 'zh-CN'] as const;
export type Locale = (typeof locales)[number];

/** Simplified Chinese for zh, zh-CN, zh-SG, zh-Hans*; English for anything else. The first
 * language that is one of ours wins, so `['en-GB', 'zh-CN']` is English. */
export function pickLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const tag = language.toLowerCase().replace(/_/g, '-').replace(/\..*$/, '');
    if (tag === 'zh' || tag === 'zh-cn' || tag === 'zh-sg' || tag.startsWith('zh-hans')) {
      return 'zh-CN';
    }
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'en';
}

/** Whether a stored or typed value names one of our languages exactly. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}
