// The ticket reference every passcode action carries: one home for its default pattern, its example and the
// way a pattern is compiled, used by the server's configuration, the browser's form, the tests and the
// benchmarks alike.

/** Two to ten capitals, an optional hyphen, one to ten digits: INC-12345, RITM0012345, SR-7. */
export const DEFAULT_TICKET_PATTERN = '[A-Z]{2,10}-?\\d{1,10}';
/** What the agent is shown as an example, instead of the regular expression itself. */
export const DEFAULT_TICKET_EXAMPLE = 'INC-12345';
export const MAX_TICKET_LENGTH = 40;

/** How tickets look in this organisation: a regular expression source and a human example of it. */
export interface TicketRule {
  pattern: string;
  example: string;
}

export const DEFAULT_TICKET_RULE: TicketRule = {
  pattern: DEFAULT_TICKET_PATTERN,
  example: DEFAULT_TICKET_EXAMPLE,
};

/**
 * The pattern, matched whole: wrapped in `^(?:…)$`, so a pattern configured without anchors cannot match a
 * substring (`INC-1` inside `see INC-1 and drop table`). Throws on a pattern that is not a regular expression.
 */
export function compileTicketPattern(source: string): RegExp {
  return new RegExp(`^(?:${source})$`);
}

/** The URL parameter a ticket system's deep link names its ticket in: `/?ticket=INC-123&q=…`. */
export const TICKET_PARAM = 'ticket';

/**
 * The ticket a deep link names, as the confirm dialog pre-fills it: upper-cased like typed input, and only if the
 * organisation's rule accepts it (anything else is ignored, never shown as if it were a ticket).
 */
export function ticketFromLink(value: string | null, rule: TicketRule): string {
  const ticket = value?.trim().toUpperCase() ?? '';
  if (ticket === '' || ticket.length > MAX_TICKET_LENGTH) return '';
  try {
    return compileTicketPattern(rule.pattern).test(ticket) ? ticket : '';
  } catch {
    return '';
  }
}
