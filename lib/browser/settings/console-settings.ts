'use client';
// Settings the browser needs beside MSAL's, handed down from the server's validated configuration.
import { createContext, useContext } from 'react';
import { DEFAULT_TICKET_RULE, type TicketRule } from '@/lib/shared/ticket';

export interface ConsoleSettings {
  /** What a ticket reference must look like, and the example shown to agents. */
  ticket: TicketRule;
}

export const ConsoleSettingsContext = createContext<ConsoleSettings>({ ticket: DEFAULT_TICKET_RULE });

export function useConsoleSettings(): ConsoleSettings {
  return useContext(ConsoleSettingsContext);
}
