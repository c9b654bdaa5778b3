// Every user-facing string of the console, in one place, so that German can be added beside English
// without touching components. Functions are used where a sentence takes values.
export const en = {
  app: {
    name: 'Passcode Desk',
    tagline: 'Find the locked-out device. Recover its passcode. Leave a trace.',
  },
  auth: {
    signIn: 'Sign in',
    signOut: 'Sign out',
    signingIn: 'Signing you in…',
    signedInAs: (name: string) => `Signed in as ${name}`,
    signInPrompt: 'Sign in with your work account to look up managed devices.',
    signInFailed: 'Sign-in did not complete.',
    signInFailedHelp: 'Try again. If it keeps failing, give your administrator the error code below.',
  },
  devices: {
    heading: 'Managed devices',
    caption: 'Managed devices, most recently listed by Intune first',
    columns: {
      name: 'Device',
      user: 'User',
      os: 'OS and version',
      model: 'Model',
      serial: 'Serial number',
      compliance: 'Compliance',
      lastSync: 'Last sync',
    },
    count: (shown: number, more: boolean) => `${shown} devices shown${more ? ', more in Intune' : ''}`,
    empty: 'No managed devices to show.',
    neverSynced: 'never',
    loadFailed: 'The device list could not be loaded.',
  },
  compliance: {
    unknown: 'Unknown', compliant: 'Compliant', noncompliant: 'Not compliant', conflict: 'Conflict',
    error: 'Error', inGracePeriod: 'In grace period', configManager: 'Config Manager',
  },
  errors: {
    requestId: 'Request ID',
    time: 'Time',
    retry: 'Try again',
    copyDetails: 'Copy details',
    copied: 'Copied',
    unauthorized: 'Your session has expired or is not valid for Microsoft Graph. Sign in again.',
    forbidden: 'You are not allowed to do this. Ask an Intune administrator for the missing permission or scope.',
    throttled: 'Microsoft Graph is busy and asked us to wait. Try again in a moment.',
    unavailable: 'Microsoft Graph did not answer properly. Try again; if it keeps failing, quote the request ID to support.',
    generic: 'Something went wrong. Try again; if it keeps failing, quote the request ID to support.',
  },
} as const;

export type Messages = typeof en;
export const messages: Messages = en;
