import 'client-only';
// The agent's token for recording a caller verification: with the directory permissions when the agent has them
// (the server reads the numbers of record again with it), else the sign-in's, and the server says what it could
// not read. Never interactive: the panel asks for consent on the agent's click.
import type { AccountInfo, IPublicClientApplication } from '@azure/msal-browser';
import { CALLER_SCOPES, SIGN_IN_SCOPES } from '@/lib/shared/auth/scopes';
import { isInteractionRequired } from './msal-errors';

export async function callerToken(
  msal: IPublicClientApplication,
  account: AccountInfo,
): Promise<string> {
  try {
    return (
      await msal.acquireTokenSilent({ scopes: [...SIGN_IN_SCOPES, ...CALLER_SCOPES], account })
    ).accessToken;
  } catch (e) {
    if (!isInteractionRequired(e)) throw e;
    return (await msal.acquireTokenSilent({ scopes: SIGN_IN_SCOPES, account })).accessToken;
  }
}
