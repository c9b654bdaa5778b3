import { describe, expect, it } from 'vitest';
import { and, eq, odataString, startsWith } from './odata-literal';

describe('odataString', () => {
  it('doubles single quotes inside single quotes', () => {
    expect(odataString("O'Brien")).toBe("'O''Brien'");
    expect(odataString("''")).toBe("''''''");
    expect(odataString('Zoë')).toBe("'Zoë'");
  });

  it('keeps an injection attempt inside one literal', () => {
    const hostile = "x') or true or startswith(deviceName,'";
    const clause = eq('deviceName', hostile);
    expect(clause).toBe("deviceName eq 'x'') or true or startswith(deviceName,'''");
    // Outside the literal there is exactly one operator: the `eq`.
    const outside = clause.replace(/'([^']|'')*'/g, '');
    expect(outside).toBe('deviceName eq ');
  });

  it('refuses control characters and over-long values', () => {
    expect(() => odataString('a\u0000b')).toThrow(RangeError);
    expect(() => odataString('a\nb')).toThrow(RangeError);
    expect(() => odataString('x'.repeat(101))).toThrow(RangeError);
    expect(odataString('x'.repeat(100))).toHaveLength(102);
  });

  it('percent-encodes the whole clause once it is put into a URL', () => {
    const url = new URL('https://graph.example/v1.0/deviceManagement/managedDevices');
    url.searchParams.set('$filter', startsWith('deviceName', "Zoë's & co #1"));
    expect(url.search).toBe(
      '?%24filter=startswith%28deviceName%2C%27Zo%C3%AB%27%27s+%26+co+%231%27%29',
    );
    expect(url.searchParams.get('$filter')).toBe("startswith(deviceName,'Zoë''s & co #1')");
  });
});

describe('and', () => {
  it('wraps each clause so none can change another', () => {
    expect(and(eq('operatingSystem', 'iOS'), null, eq('complianceState', 'compliant'))).toBe(
      "(operatingSystem eq 'iOS') and (complianceState eq 'compliant')",
    );
    expect(and(eq('imei', '1'))).toBe("imei eq '1'");
    expect(and(null, '')).toBeNull();
  });
});
