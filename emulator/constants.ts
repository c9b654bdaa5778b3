// Fixed identifiers of the emulated tenant and app registration, without any heavy imports, so that
// launchers and test configuration can name them.
export const TENANT_ID = '8b5e2c1a-4f7d-4e39-a6b0-3c9d1e7f5a24';
export const TENANT_DOMAIN = 'contoso.com';
export const DEMO_CLIENT_ID = '2c6f4d8e-3b1a-4f5c-9d7e-8a0b1c2d3e4f';
export const DEMO_ACCOUNTS = {
  helpdesk: `helpdesk@${TENANT_DOMAIN}`,
  readOnly: `readonly@${TENANT_DOMAIN}`,
  admin: `admin@${TENANT_DOMAIN}`,
  /** An Intune Read Only Operator: reads devices, may not run remote tasks. */
  viewer: `viewer@${TENANT_DOMAIN}`,
  /** Signed in and consented, but without an Intune licence or any Intune role. */
  noIntune: `nointune@${TENANT_DOMAIN}`,
  /** A helpdesk contractor invited as a B2B guest from a personal Microsoft account. */
  guest: `jane.doe_outlook.com#EXT#@${TENANT_DOMAIN}`,
  /** A helpdesk lead assigned the console's app role PasscodeDesk.Auditor: reads everyone's activity, acts on nothing. */
  auditor: `auditor@${TENANT_DOMAIN}`,
  /**
   * A helpdesk lead with the console's app role PasscodeDesk.Approver: approves or denies another agent's
   * request (four-eyes), and may request actions too. admin@ holds the role as well, so there are two approvers.
   */
  approver: `approver@${TENANT_DOMAIN}`,
} as const;

/** A shared mailbox the acting demo agents may send as (NOTIFY_FROM for the owner's notification). */
export const NOTIFY_MAILBOX = `helpdesk-notify@${TENANT_DOMAIN}`;

/** The console's app role for leads and auditors (the `roles` claim of its ID tokens). */
export const AUDITOR_APP_ROLE = 'PasscodeDesk.Auditor';

/** The console's app role of those who may approve another agent's request (APPROVER_ROLE's default). */
export const APPROVER_APP_ROLE = 'PasscodeDesk.Approver';
