'use client';
// Settings the browser needs beside MSAL's, handed down from the server's validated configuration. Which passcode
// action a device gets is not among them: the server decides it per device and the browser shows that plan.
import { createContext, useContext } from 'react';
import { DEFAULT_TICKET_RULE, type TicketRule } from '@/lib/shared/ticket';

export interface ConsoleSettings {
  /** What a ticket reference must look like, and the example shown to agents. */
  ticket: TicketRule;
  /** How long an action of unknown fate is looked for before it is "not confirmed" (ACTION_VERIFY_WINDOW_SECONDS). */
  verifyWindowSeconds: number;
  /**
   * About the longest a Confirm waits on the server before it answers: Graph's "wait" within the action's budget
   * (ACTION_WAIT_SECONDS) plus the look for an action whose POST had an unknown fate (ACTION_RESULTS_DELAY_SECONDS).
   */
  confirmWaitSeconds: number;
  /** The Entra tenant (id or domain), for links into the Intune admin center. */
  tenantId: string;
  /**
   * The scopes the owner's e-mail needs in the token the agent confirms with (notificationScopes: none when it is
   * off; User.Read.All and Mail.Send, or Mail.Send.Shared with NOTIFY_FROM).
   */
  notifyScopes: readonly string[];
  /**
   * The console's Approver app role (APPROVER_ROLE). The browser only uses it to skip the approvals badge's read for
   * an agent whose ID token does not carry it; the server decides who may approve, from a verified ID token.
   */
  approverRole: string;
}

export const ConsoleSettingsContext = createContext<ConsoleSettings>({
  ticket: DEFAULT_TICKET_RULE,
  verifyWindowSeconds: 120,
  confirmWaitSeconds: 30,
  tenantId: 'organizations',
  notifyScopes: [],
  approverRole: 'PasscodeDesk.Approver',
});

export function useConsoleSettings(): ConsoleSettings {
  return useContext(ConsoleSettingsContext);
}
