import { describe, expect, it } from 'vitest';
import { filtersFromParams, filtersToParams } from './filters-url';
import { ActivityFiltersSchema } from './filters-schema';

describe('the activity filters in the URL', () => {
  it('round-trips what the page writes, and the server reads the same', () => {
    const filters = {
      agent: 'helpdesk@contoso.com',
      device: 'Zoë',
      ticket: 'INC-1',
      outcome: 'denied' as const,
      kind: 'removePasscode' as const,
      from: '2026-11-01',
      to: '2026-11-28',
    };
    const params = filtersToParams(filters);
    expect(params.toString()).toBe(
      'agent=helpdesk%40contoso.com&device=Zo%C3%AB&ticket=INC-1&outcome=denied&kind=removePasscode&from=2026-11-01&to=2026-11-28',
    );
    expect(filtersFromParams(params)).toEqual(filters);
    expect(ActivityFiltersSchema.parse(Object.fromEntries(params))).toEqual(filters);
  });

  it('drops what cannot be right instead of sending it', () => {
    const read = filtersFromParams(
      new URLSearchParams(
        'outcome=hacked&kind=wipe&from=yesterday&to=2026-13-45&agent=%20%20&cursor=x',
      ),
    );
    expect(filtersToParams(read).toString()).toBe('');
  });
});
