// The message catalogs (ICU message format), one JSON file per language. The German file is typed as the
// English one, so a key missing in either fails the type check as well as the catalog test.
import type { MessageKeys, NestedKeyOf } from 'next-intl';
import de from './messages/de.json';
import en from './messages/en.json';
import type { Locale } from './locales';

export type Messages = typeof en;
export const CATALOGS: Readonly<Record<Locale, Messages>> = { en, de };

/** A full path to one message, e.g. `validation.ticketRequired`. */
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;

/**
 * Marks a string as a message key. Shared code (the checks that run on both sides) carries keys, never
 * sentences; the browser translates them into the agent's language.
 */
export function messageKey<K extends MessageKey>(key: K): K {
  return key;
}
