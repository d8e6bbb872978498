export const locales = ['en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

/** Urdu will be right-to-left; layouts use logical CSS properties so they mirror without changes. */
const rightToLeft = new Set<string>(['ur', 'ar', 'fa']);

export function directionOf(locale: string): 'ltr' | 'rtl' {
  return rightToLeft.has(locale) ? 'rtl' : 'ltr';
}
