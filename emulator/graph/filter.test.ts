// $filter and the other list options at the HTTP level, with each of Intune's reported quirks on (the
// default) and off, plus the parser's own rules for OData literals and malformed input.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../app';
import { DEMO_ACCOUNTS } from '../constants';
import { ALL_QUIRKS_ON, type Quirks } from '../settings';
import { control, createTestEmulator, graphGet, tokenFor, type GraphErrorJson } from '../testing';
import { parseFilter } from './filter';

interface Page {
  value: Record<string, unknown>[];
  '@odata.nextLink'?: string;
  '@odata.count'?: number;
}

let emu: Emulator;
let admin: string;
beforeAll(async () => {
  emu = await createTestEmulator({ devices: 2500, users: 800 });
  admin = await tokenFor(emu, DEMO_ACCOUNTS.admin);
});
beforeEach(async () => {
  await control(emu, 'PUT', '/quirks', ALL_QUIRKS_ON);
});

const setQuirk = (name: keyof Quirks, on: boolean) =>
  control(emu, 'PUT', '/quirks', { [name]: on });
const list = async (query: string, token = admin) => {
  const res = await graphGet(emu, `/v1.0/deviceManagement/managedDevices?${query}`, token);
  return { status: res.status, body: (await res.json()) as Page & GraphErrorJson };
};
const filter = (f: string, extra = '') =>
  list(
    `$filter=${encodeURIComponent(f)}&$select=id,deviceName,userPrincipalName,serialNumber,operatingSystem&$top=1000${extra}`,
  );
const all = () => emu.ctx.tenant.devices.map((d) => d.graph);

describe('$filter basics', () => {
  it("eq on userPrincipalName finds exactly that user's devices, case-insensitively", async () => {
    const { body } = await filter("userPrincipalName eq 'ZOE.OBRIEN@contoso.com'");
    const expected = all()
      .filter((d) => d.userPrincipalName === 'zoe.obrien@contoso.com')
      .map((d) => d.id)
      .sort();
    expect(body.value.map((d) => d.id).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThanOrEqual(2);
  });

  it('reads a doubled single quote as one apostrophe', async () => {
    const { status, body } = await filter("deviceName eq 'Zoë''s iPhone'");
    expect(status).toBe(200);
    expect(body.value.map((d) => d.deviceName)).toEqual(["Zoë's iPhone", "Zoë's iPhone"]);
  });

  it('finds a device by serial number and by IMEI', async () => {
    const target = all().find((d) => d.imei !== '');
    const bySerial = await filter(`serialNumber eq '${target?.serialNumber}'`);
    expect(bySerial.body.value.map((d) => d.id)).toEqual([target?.id]);
    const byImei = await list(
      `$filter=${encodeURIComponent(`imei eq '${target?.imei}'`)}&$select=id`,
    );
    expect(byImei.body.value.map((d) => d.id)).toEqual([target?.id]);
  });

  it('combines clauses with and / or and parentheses', async () => {
    const { body } = await filter(
      "(operatingSystem eq 'iOS' or operatingSystem eq 'iPadOS') and complianceState eq 'noncompliant'",
    );
    const expected = all().filter(
      (d) => ['iOS', 'iPadOS'].includes(d.operatingSystem) && d.complianceState === 'noncompliant',
    );
    expect(body.value).toHaveLength(expected.length);
    expect(expected.length).toBeGreaterThan(10);
  });

  it("answers a malformed filter with Graph's 400 BadRequest", async () => {
    for (const bad of [
      "deviceName eq 'unterminated",
      'deviceName eq',
      "startswith(deviceName,'x'",
      "deviceName lk 'x'",
      "deviceName eq 'a' xor 1",
      "x') or true or startswith(deviceName,'",
    ]) {
      const { status, body } = await filter(bad);
      expect(status, bad).toBe(400);
      expect(body.error.code).toBe('BadRequest');
      expect(body.error.innerError['request-id']).toBeTruthy();
    }
  });

  it('answers a property the type does not have with 400, quirks or not', async () => {
    const { status, body } = await filter("passcode eq '1234'");
    expect(status).toBe(400);
    expect(body.error.message).toContain("property named 'passcode'");
  });

  it('refuses $search', async () => {
    const { status, body } = await list('$search=iphone');
    expect(status).toBe(400);
    expect(body.error.code).toBe('BadRequest');
  });

  it('counts with $count=true on a filtered list', async () => {
    const { body } = await list(
      `$filter=${encodeURIComponent("operatingSystem eq 'macOS'")}&$count=true&$top=5&$select=id`,
    );
    expect(body['@odata.count']).toBe(all().filter((d) => d.operatingSystem === 'macOS').length);
    expect(body.value).toHaveLength(5);
    expect(body['@odata.nextLink']).toContain('%24filter=');
  });
});

describe('Intune quirks, each on and off', () => {
  it('startswith behaves like contains when on, like startswith when off', async () => {
    const on = await filter("startswith(deviceName,'iPhone')");
    const names = on.body.value.map((d) => String(d.deviceName));
    expect(names.some((n) => n.endsWith("'s iPhone"))).toBe(true); // contains
    await setQuirk('startswithIsContains', false);
    const off = await filter("startswith(deviceName,'iPhone')");
    const offNames = off.body.value.map((d) => String(d.deviceName));
    expect(offNames.length).toBeGreaterThan(0);
    expect(offNames.every((n) => n.toLowerCase().startsWith('iphone'))).toBe(true);
    expect(offNames.length).toBeLessThan(names.length);
  });

  it('an or of two startswith applies only the first when on, both when off', async () => {
    await setQuirk('startswithIsContains', false);
    const f = "startswith(deviceName,'CONTOSO-') or startswith(deviceName,'DESKTOP-')";
    const on = await filter(f);
    expect(on.body.value.every((d) => String(d.deviceName).startsWith('CONTOSO-'))).toBe(true);
    await setQuirk('orOfStartswithAppliesFirst', false);
    const off = await filter(f);
    expect(off.body.value.some((d) => String(d.deviceName).startsWith('DESKTOP-'))).toBe(true);
    expect(off.body.value.length).toBeGreaterThan(on.body.value.length);
  });

  it('ne behaves like eq when on, and negates when off', async () => {
    const ios = all().filter((d) => d.operatingSystem === 'iOS').length;
    const on = await filter("operatingSystem ne 'iOS'");
    expect(on.body.value).toHaveLength(ios);
    expect(on.body.value.every((d) => d.operatingSystem === 'iOS')).toBe(true);
    await setQuirk('neIsEq', false);
    const off = await filter("operatingSystem ne 'iOS'");
    expect(off.body.value.every((d) => d.operatingSystem !== 'iOS')).toBe(true);
  });

  it('a filter on an unsupported property returns every device when on, 400 when off', async () => {
    const on = await list(
      `$filter=${encodeURIComponent("model eq 'No Such Model'")}&$select=id&$count=true`,
    );
    expect(on.status).toBe(200);
    expect(on.body['@odata.count']).toBe(2500);
    await setQuirk('unsupportedPropertyIgnored', false);
    const off = await list(`$filter=${encodeURIComponent("model eq 'No Such Model'")}&$select=id`);
    expect(off.status).toBe(400);
    expect(off.body.error.message).toContain("'model'");
  });

  it('drops the whole filter, indexed clauses included, when one clause names an unsupported property', async () => {
    const serial = all()[0]?.serialNumber;
    const on = await list(
      `$filter=${encodeURIComponent(`serialNumber eq '${serial}' and model eq 'x'`)}&$select=id&$count=true&$top=1`,
    );
    expect(on.body['@odata.count']).toBe(2500);
  });

  it('drops filters on properties a test declares unfilterable for this tenant', async () => {
    await control(emu, 'PUT', '/quirks', { alsoUnfilterable: ['deviceName'] });
    const dropped = await list(
      `$filter=${encodeURIComponent("deviceName eq 'Zoë''s iPhone'")}&$select=id&$count=true&$top=1`,
    );
    expect(dropped.body['@odata.count']).toBe(2500);
  });

  it('$orderby is ignored when on and applied when off', async () => {
    const seeded = all()
      .slice(0, 5)
      .map((d) => d.id);
    const on = await list('$orderby=deviceName desc&$top=5&$select=id,deviceName');
    expect(on.body.value.map((d) => d.id)).toEqual(seeded);
    await setQuirk('orderbyIgnored', false);
    const off = await list('$orderby=deviceName desc&$top=5&$select=id,deviceName');
    const sorted = all()
      .map((d) => d.deviceName.toLowerCase())
      .sort()
      .reverse()
      .slice(0, 5);
    expect(off.body.value.map((d) => String(d.deviceName).toLowerCase())).toEqual(sorted);
  });

  it('$skip past 1000 returns nothing when on, and skips when off', async () => {
    const on = await list('$skip=1500&$top=10&$select=id');
    expect(on.body.value).toEqual([]);
    expect(on.body['@odata.nextLink']).toBeUndefined();
    const under = await list('$skip=900&$top=10&$select=id');
    expect(under.body.value.map((d) => d.id)).toEqual(
      all()
        .slice(900, 910)
        .map((d) => d.id),
    );
    await setQuirk('skipBeyond1000Empty', false);
    const off = await list('$skip=1500&$top=10&$select=id');
    expect(off.body.value.map((d) => d.id)).toEqual(
      all()
        .slice(1500, 1510)
        .map((d) => d.id),
    );
  });
});

describe('filter parser', () => {
  it('keeps an injection attempt inside one literal', () => {
    expect(parseFilter("deviceName eq 'x'') or true or startswith(deviceName,'''")).toEqual({
      kind: 'compare',
      op: 'eq',
      property: 'deviceName',
      value: "x') or true or startswith(deviceName,'",
    });
  });

  it('parses functions, not, and precedence of and over or', () => {
    expect(
      parseFilter("not startswith(deviceName,'a') or imei eq '1' and serialNumber eq '2'"),
    ).toMatchObject({
      kind: 'or',
      left: { kind: 'not' },
      right: { kind: 'and' },
    });
  });
});
