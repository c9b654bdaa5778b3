// Whether the signed-in agent may run a passcode action at all, as the server decided it before the dialog asks for a
// ticket: two different people fix two different gaps. An Intune role without remote tasks (Intune's RBAC, checked
// by Graph on the POST) is the Intune administrator's to fix ("ask for the Help Desk Operator role"); a delegated
// permission nobody consented to for the console (Entra) is an Entra administrator's ("ask an admin to consent").
export type AgentAccess =
  /** The token carries the privileged permission and Intune says the role resets passcodes. */
  | { state: 'allowed' }
  /** The privileged permission is not consented: the popup would ask for an administrator's approval. */
  | { state: 'missingConsent' }
  /** Intune's role of the agent has no "Reset passcode" remote task: Graph would answer 403. */
  | { state: 'missingRole' }
  /**
   * Not known before the POST (an opaque token; the console may not read Intune's RBAC; the read failed): the action
   * goes on as before and Graph decides.
   */
  | { state: 'unknown' };
