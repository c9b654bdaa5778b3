'use client';
// Settings the browser needs beside MSAL's, handed down from the server's validated configuration.
import { createContext, useContext } from 'react';

export interface ConsoleSettings {
  /** What a ticket reference must look like (a regular expression source). */
  ticketPattern: string;
}

export const ConsoleSettingsContext = createContext<ConsoleSettings>({ ticketPattern: '^[A-Z]{2,10}-?\\d{1,10}$' });

export function useConsoleSettings(): ConsoleSettings {
  return useContext(ConsoleSettingsContext);
}
