import 'server-only';
// The approvers' e-mail from inside a server action: in the requester's language (their console's cookie, else
// their browser's), with a link to this console's /approvals at the origin the request came from (the proxy refused
// any other origin before a server action runs).
import { cookies, headers } from 'next/headers';
import { serverEnv } from '@/lib/server/config/server-env';
import { negotiateLocale } from '@/lib/server/i18n/negotiate';
import { getApprovalStore } from '@/lib/server/store';
import type { ApprovalRow } from '@/lib/server/store/approvals';
import { LOCALE_COOKIE } from '@/lib/shared/i18n/locales';
import { notifyApprovers } from './notify-approvers';

export async function notifyApproversOfRequest(row: ApprovalRow, token: string): Promise<void> {
  const [jar, h] = await Promise.all([cookies(), headers()]);
  await notifyApprovers(row, token, {
    approvals: await getApprovalStore(),
    env: serverEnv(),
    locale: negotiateLocale(jar.get(LOCALE_COOKIE)?.value, h.get('accept-language')),
    consoleOrigin: h.get('origin'),
  });
}
