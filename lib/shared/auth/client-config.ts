// The part of the configuration the browser needs for MSAL, as plain serialisable data.
export interface AuthClientConfig {
  clientId: string;
  authority: string;
  /** Set only for a non-Microsoft authority (the local emulator); MSAL then contacts nobody else. */
  knownAuthorities?: string[];
  authorityMetadata?: string;
  redirectPath: string;
}
