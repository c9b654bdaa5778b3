import 'server-only';
// The English sentence for a Verified ID error code, from the browser's own catalog (`verifiedId.errors`): the
// browser words the code in the agent's language; this text is for logs and other API clients.
import { createTranslator } from 'next-intl';
import { CATALOGS } from '@/lib/shared/i18n/catalogs';
import type { VerifiedIdErrorCode } from '@/lib/shared/trust/verified-id';

const english = createTranslator({
  locale: 'en',
  messages: CATALOGS.en,
  namespace: 'verifiedId.errors',
});

export function verifiedIdText(code: VerifiedIdErrorCode): string {
  return english(code);
}
