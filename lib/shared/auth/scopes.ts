// The delegated Microsoft Graph permissions the console asks for. The resource is Graph's, also when the
// tokens come from the local emulator, because the same build must work against Microsoft.
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';

export const GRAPH_SCOPES = {
  readDevices: `${GRAPH_RESOURCE}/DeviceManagementManagedDevices.Read.All`,
  privilegedOperations: `${GRAPH_RESOURCE}/DeviceManagementManagedDevices.PrivilegedOperations.All`,
} as const;

/** What sign-in asks for: reading devices only. The privileged scope is requested when an action needs it. */
export const SIGN_IN_SCOPES = [GRAPH_SCOPES.readDevices];
