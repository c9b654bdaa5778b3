// How dates and times read, per locale through Intl: always with the time zone, because agents and devices
// sit in different ones; 24-hour clock in both languages, as helpdesks log times.
import type { Formats } from 'next-intl';

export const FORMATS = {
  dateTime: {
    dateTime: {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    },
    date: { year: 'numeric', month: 'short', day: 'numeric' },
    time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' },
  },
} as const satisfies Formats;
