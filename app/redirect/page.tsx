import { RedirectBridge } from './redirect-bridge';

// MSAL 5's redirect bridge: Entra ID sends the browser here after sign-in, and this page hands the answer to
// the window that asked for it. It is outside the console layout, so no MSAL instance runs on it.
export default function RedirectPage() {
  return <RedirectBridge />;
}
