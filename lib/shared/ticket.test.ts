import { describe, expect, it } from 'vitest';
import { DEFAULT_TICKET_RULE, ticketFromLink } from './ticket';
describe('a ticket named by a deep link', () => {
  it('is taken when the rule accepts it (upper-cased like typed input), and ignored otherwise', () => {
    expect(ticketFromLink('inc-123', DEFAULT_TICKET_RULE)).toBe('INC-123');
    expect(ticketFromLink(' RITM0012345 ', DEFAULT_TICKET_RULE)).toBe('RITM0012345');
    expect(ticketFromLink('INC-1; drop table', DEFAULT_TICKET_RULE)).toBe('');
    expect(ticketFromLink('<script>', DEFAULT_TICKET_RULE)).toBe('');
    expect(ticketFromLink(null, DEFAULT_TICKET_RULE)).toBe('');
    expect(ticketFromLink('CHG-7', { pattern: 'CHG-\\d+', example: 'CHG-1' })).toBe('CHG-7');
  });
});
