import 'client-only';
// MSAL's code (@azure/msal-browser's PublicClientApplication, about 75 KB gzip) is not part of any page's first load:
// the page's shell (header, navigation, the sign-in wait) renders and hydrates without it, and the tab's instance is
// made once it has loaded (components/auth/msal-provider.tsx). The import starts the moment this module runs, in
// parallel with the page's own start, not at the first need: a signed-in agent's first read waits for MSAL's token,
// so MSAL must not start later than the page.
import type { AuthClientConfig } from '@/lib/shared/auth/client-config';
import type { ConsoleMsal } from './msal-instance';

let code = typeof window === 'undefined' ? null : import('./msal-instance');

let loading: Promise<ConsoleMsal> | null = null;

/** The tab's one MSAL instance, made with the first configuration asked for (the console has one). */
export function loadMsal(config: AuthClientConfig): Promise<ConsoleMsal> {
  loading ??= (code ?? import('./msal-instance'))
    .then((m) => m.createMsalInstance(config))
    .catch((e: unknown) => {
      // A later call (the console's next mount) tries again, from the import on.
      code = null;
      loading = null;
      throw e;
    });
  return loading;
}
