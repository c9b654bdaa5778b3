import 'server-only';
// The English text an error answer carries beside its code, taken from the browser's own catalog. The browser
// shows the agent the text for the code in the agent's language; this text is for logs and other API clients.
import { createTranslator } from 'next-intl';
import { CATALOGS } from '@/lib/shared/i18n/catalogs';
import type { ConsoleErrorCode } from '@/lib/shared/errors';

const t = createTranslator({ locale: 'en', messages: CATALOGS.en, namespace: 'errors.codes' });

export function apiText(code: ConsoleErrorCode, values?: Record<string, string | number>): string {
  return t(code, values);
}
