// Types next-intl's hooks against the catalogs: a key that does not exist fails the type check.
import type { Messages } from './catalogs';
import type { FORMATS } from './formats';
import type { Locale as ConsoleLocale } from './locales';

declare module 'next-intl' {
  interface AppConfig {
    Locale: ConsoleLocale;
    Messages: Messages;
    Formats: typeof FORMATS;
  }
}
