import type { Locale, Msg } from './types';

export function say(m: Msg, locale: Locale): string {
  return locale === 'zh' ? m.zh : m.en;
}

/** zh when the environment's language is Chinese. */
export function localeFrom(tag: string | undefined): Locale {
  return tag && /^zh/i.test(tag) ? 'zh' : 'en';
}
