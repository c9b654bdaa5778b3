import 'server-only';
// The owner's e-mail, in the recipient's language (preferredLanguage de* → German, else English), as plain text:
// which device, which action, when (UTC and the language's local time), by which agent, for which ticket, how the
// caller was verified, and whom to call if the owner did not ask for it. Built only from the facts below, which
// carry no passcode and no token; and it holds no link (a link in such a mail is what phishing imitates).
import { createTranslator } from 'next-intl';
import { CATALOGS } from '@/lib/shared/i18n/catalogs';
import type { Locale } from '@/lib/shared/i18n/locales';
import type { PasscodeActionKind } from '@/lib/shared/devices/passcode-plan';
import type { NotificationEvent, NotificationRecipient } from '@/lib/shared/notifications/types';
import type { CallerVerification } from '@/lib/shared/trust/verification';

export interface NotificationFacts {
  event: NotificationEvent;
  recipient: NotificationRecipient;
  /** The person the mail is addressed to (the owner, or their manager). */
  recipientName: string | null;
  /** The device's user (named in the manager's mail). */
  ownerName: string | null;
  deviceName: string | null;
  serialNumber: string | null;
  kind: PasscodeActionKind | null;
  requestedAt: string;
  agent: { name: string | null; upn: string | null };
  ticket: string | null;
  verification: CallerVerification | null;
  /** SECURITY_CONTACT; the catalog's default when unset. */
  securityContact: string | null;
}

export interface ComposedMail {
  locale: Locale;
  subject: string;
  text: string;
}

/** German for any German preferredLanguage (de, de-DE, de-AT, de-CH), English otherwise. */
export function mailLocale(preferredLanguage: string | null | undefined): Locale {
  return /^de(-|_|$)/i.test(preferredLanguage?.trim() ?? '') ? 'de' : 'en';
}

// Where a reader of the language most likely is, for the local time beside UTC: the region of preferredLanguage
// where it names one the console knows, else the language's main one.
const ZONES: Readonly<Record<string, string>> = {
  DE: 'Europe/Berlin',
  AT: 'Europe/Vienna',
  CH: 'Europe/Zurich',
  LI: 'Europe/Vaduz',
  LU: 'Europe/Luxembourg',
  GB: 'Europe/London',
  IE: 'Europe/Dublin',
  US: 'America/New_York',
  CA: 'America/Toronto',
  AU: 'Australia/Sydney',
  IN: 'Asia/Kolkata',
};
const LANGUAGE_ZONE: Readonly<Record<Locale, string>> = {
  de: 'Europe/Berlin',
  en: 'Europe/London',
};

export function mailTimeZone(preferredLanguage: string | null | undefined, locale: Locale): string {
  const region = /^[a-z]{2,3}[-_]([a-z]{2})$/i.exec(preferredLanguage?.trim() ?? '')?.[1];
  return (region && ZONES[region.toUpperCase()]) || LANGUAGE_ZONE[locale];
}

const translators = {
  en: createTranslator({ locale: 'en', messages: CATALOGS.en, namespace: 'notification.mail' }),
  de: createTranslator({ locale: 'de', messages: CATALOGS.de, namespace: 'notification.mail' }),
} as const;

export function composeNotification(
  facts: NotificationFacts,
  preferredLanguage: string | null | undefined,
): ComposedMail {
  const locale = mailLocale(preferredLanguage);
  const t = translators[locale];
  const at = new Date(facts.requestedAt);
  const utc = at
    .toISOString()
    .replace('T', ' ')
    .replace(/:\d\d\.\d+Z$/, '');
  const local = new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: mailTimeZone(preferredLanguage, locale),
  }).format(at);
  const zoneName = mailTimeZone(preferredLanguage, locale);
  const action = t(`actions.${facts.kind ?? 'unknown'}`);
  const device = facts.deviceName ?? '—';
  const agent = facts.agent.name
    ? `${facts.agent.name}${facts.agent.upn ? ` (${facts.agent.upn})` : ''}`
    : (facts.agent.upn ?? '—');
  const lines = [
    t('greeting', { name: facts.recipientName ?? '' }).replace(/ ,$/, ','),
    '',
    ...(facts.recipient === 'manager'
      ? [t('managerIntro', { owner: facts.ownerName ?? '—' }), '']
      : []),
    t('intro', { event: facts.event }),
    '',
    t('device', { device, serial: facts.serialNumber ?? t('noSerial') }),
    t('action', { action }),
    t('when', { utc, local: `${local} (${zoneName})` }),
    t('agent', { agent }),
    t('ticket', { ticket: facts.ticket ?? t('noTicket') }),
    t('verification', { verification: verificationWords(facts.verification, t) }),
    '',
    t('warning', { contact: facts.securityContact ?? t('defaultContact') }),
    '',
    t('footer'),
  ];
  return {
    locale,
    subject: t('subject', { event: facts.event, device, action }),
    text: `${lines.join('\n')}\n`,
  };
}

type MailTranslator = (typeof translators)[Locale];

/** How the caller was verified, in words; never a whole phone number (the evidence keeps only its last digits). */
function verificationWords(v: CallerVerification | null, t: MailTranslator): string {
  if (!v) return t('verifications.notRecorded');
  const e = v.evidence;
  switch (e.method) {
    case 'callBack':
      return t('verifications.callBack', { last: e.phoneLast });
    case 'managerCallBack':
      return t('verifications.managerCallBack', { manager: e.managerName });
    case 'verifiedId':
      return t('verifications.verifiedId');
    case 'inPerson':
      return t('verifications.inPerson');
    case 'notVerified':
      return t('verifications.notVerified');
  }
}
