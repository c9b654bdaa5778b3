'use client';
// Settings the browser needs beside MSAL's, handed down from the server's validated configuration.
import { createContext, useContext } from 'react';
import { DEFAULT_PASSCODE_POLICY, type PasscodePolicy } from '@/lib/shared/devices/passcode-plan';
import { DEFAULT_TICKET_RULE, type TicketRule } from '@/lib/shared/ticket';

export interface ConsoleSettings {
  /** What a ticket reference must look like, and the example shown to agents. */
  ticket: TicketRule;
  /** Which passcode actions this console offers (the server re-checks on every request). */
  passcodePolicy: PasscodePolicy;
  /** How long an action of unknown fate is looked for before it is "not confirmed" (ACTION_VERIFY_WINDOW_SECONDS). */
  verifyWindowSeconds: number;
  /** The Entra tenant (id or domain), for links into the Intune admin center. */
  tenantId: string;
}

export const ConsoleSettingsContext = createContext<ConsoleSettings>({
  ticket: DEFAULT_TICKET_RULE,
  passcodePolicy: DEFAULT_PASSCODE_POLICY,
  verifyWindowSeconds: 120,
  tenantId: 'organizations',
});

export function useConsoleSettings(): ConsoleSettings {
  return useContext(ConsoleSettingsContext);
}
