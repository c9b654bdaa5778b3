// The delegated Microsoft Graph permissions the console asks for. The resource is Graph's, also when the
// tokens come from the local emulator, because the same build must work against Microsoft.
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';

export const GRAPH_SCOPES = {
  readDevices: `${GRAPH_RESOURCE}/DeviceManagementManagedDevices.Read.All`,
  privilegedOperations: `${GRAPH_RESOURCE}/DeviceManagementManagedDevices.PrivilegedOperations.All`,
  /** Lets the server ask Graph who a token belongs to (GET /me) when it cannot read the token itself. */
  userRead: `${GRAPH_RESOURCE}/User.Read`,
  /** Intune's own audit log (GET /deviceManagement/auditEvents), as Microsoft documents it; asked for when first shown. */
  auditLog: `${GRAPH_RESOURCE}/DeviceManagementApps.Read.All`,
  /** The Caller panel (trust.md), asked for when the passcode dialog first shows it: the user's profile and manager, */
  userReadAll: `${GRAPH_RESOURCE}/User.Read.All`,
  /** their registered phone methods (the agent also needs an Entra role that may read them), */
  authMethodsRead: `${GRAPH_RESOURCE}/UserAuthenticationMethod.Read.All`,
  /** and Identity Protection's risk (Entra ID P2, and a security role). */
  riskyUserRead: `${GRAPH_RESOURCE}/IdentityRiskyUser.Read.All`,
} as const;

/** What the Caller panel's reads ask for, beside the sign-in's. */
export const CALLER_SCOPES = [
  GRAPH_SCOPES.userReadAll,
  GRAPH_SCOPES.authMethodsRead,
  GRAPH_SCOPES.riskyUserRead,
];

/** What sign-in asks for: reading devices and who you are. The privileged scope is requested when an action needs it. */
export const SIGN_IN_SCOPES = [GRAPH_SCOPES.readDevices, GRAPH_SCOPES.userRead];
