// The emulator against Microsoft's own v1.0 metadata (graph/metadata/graph-v1-managed-device.json, extracted from
// msgraph-metadata clean_v10_metadata): every property /v1.0 sends for a managedDevice, and for each of its
// deviceActionResults, must be declared, of the declared JSON type and nullability, and an enum value v1.0
// declares. Beta's values come back on /beta, and on /v1.0 only with the v1EnumValues switch.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../app';
import { DEMO_ACCOUNTS } from '../constants';
import {
  control,
  createTestEmulator,
  graphGet,
  graphPost,
  SCOPES,
  TEST_ORIGIN,
  tokenFor,
} from '../testing';
import metadata from './metadata/graph-v1-managed-device.json';

interface PropertySpec {
  name: string;
  type: string;
  nullable: boolean;
}
interface ComplexSpec {
  baseType?: string;
  properties: PropertySpec[];
}

const NS = 'microsoft.graph.';
const complexTypes: Record<string, ComplexSpec> = metadata.complexTypes;
const enumTypes: Record<string, { members: string[] }> = metadata.enumTypes;
const DEVICE_PROPERTIES: PropertySpec[] = metadata.managedDevice.properties;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$/;

/** A complex type's properties, its base types' included. */
function propertiesOf(name: string): PropertySpec[] {
  const t = complexTypes[name];
  if (!t) throw new Error(`no complex type ${name}`);
  const base = t.baseType ? propertiesOf(t.baseType.slice(NS.length)) : [];
  return [...base, ...t.properties];
}

/** Every way `value` breaks the declaration of a property of type `type`, each with its path. */
function violations(value: unknown, type: string, nullable: boolean, path: string): string[] {
  if (value === null) return nullable ? [] : [`${path}: null, but not nullable`];
  if (value === undefined) return [`${path}: missing`];
  const collection = /^Collection\((.+)\)$/.exec(type);
  if (collection) {
    if (!Array.isArray(value)) return [`${path}: ${JSON.stringify(value)} is not a collection`];
    return value.flatMap((v, i) => violations(v, collection[1]!, false, `${path}[${i}]`));
  }
  const wrong = (what: string) => [`${path}: ${JSON.stringify(value)} is not ${what}`];
  switch (type) {
    case 'Edm.String':
      return typeof value === 'string' ? [] : wrong('an Edm.String');
    case 'Edm.Boolean':
      return typeof value === 'boolean' ? [] : wrong('an Edm.Boolean');
    case 'Edm.Int32':
      return Number.isInteger(value) &&
        (value as number) >= -(2 ** 31) &&
        (value as number) < 2 ** 31
        ? []
        : wrong('an Edm.Int32');
    case 'Edm.Int64':
      return Number.isSafeInteger(value) ? [] : wrong('an Edm.Int64');
    case 'Edm.Double':
      return typeof value === 'number' ? [] : wrong('an Edm.Double');
    case 'Edm.DateTimeOffset':
      return typeof value === 'string' && ISO_DATE_TIME.test(value)
        ? []
        : wrong('an Edm.DateTimeOffset');
  }
  const name = type.slice(NS.length);
  const e = enumTypes[name];
  if (e)
    return typeof value === 'string' && e.members.includes(value)
      ? []
      : wrong(`a member of ${name} (${e.members.join(', ')})`);
  if (complexTypes[name]) return complexViolations(value, name, path);
  return [`${path}: type ${type} is not in the metadata extract`];
}

function complexViolations(value: unknown, declared: string, path: string): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [`${path}: ${JSON.stringify(value)} is not a ${declared}`];
  const record = value as Record<string, unknown>;
  let actual = declared;
  const odataType = record['@odata.type'];
  if (odataType !== undefined) {
    actual = typeof odataType === 'string' ? odataType.replace(/^#microsoft\.graph\./, '') : '';
    if (declared === 'deviceActionResult' && !metadata.deviceActionResultTypes.includes(actual))
      return [`${path}: @odata.type ${String(odataType)} is not a deviceActionResult type`];
  }
  return objectViolations(record, propertiesOf(actual), path, ['@odata.type']);
}

function objectViolations(
  record: Record<string, unknown>,
  declared: PropertySpec[],
  path: string,
  annotations: string[],
): string[] {
  const names = new Set(declared.map((p) => p.name));
  const undeclared = Object.keys(record)
    .filter((k) => !names.has(k) && !annotations.includes(k))
    .map((k) => `${path}.${k}: not declared`);
  const present = declared.filter((p) => p.name in record);
  return [
    ...undeclared,
    ...present.flatMap((p) => violations(record[p.name], p.type, p.nullable, `${path}.${p.name}`)),
  ];
}

/** What is wrong with one managedDevice as sent; `selected` names the properties it must carry. */
function deviceViolations(device: Record<string, unknown>, selected: readonly string[]) {
  const missing = selected
    .filter((n) => !(n in device))
    .map((n) => `${String(device.id)}.${n}: missing`);
  return [
    ...missing,
    ...objectViolations(device, DEVICE_PROPERTIES, String(device.id ?? '?'), ['@odata.context']),
  ];
}

describe("/v1.0 conforms to Microsoft's v1.0 metadata for managedDevice", () => {
  let emu: Emulator;
  let admin: string;
  const ALL = DEVICE_PROPERTIES.map((p) => p.name);

  const readAll = async (version: string, query: string) => {
    const out: Record<string, unknown>[] = [];
    let next: string | undefined = `/${version}/deviceManagement/managedDevices?${query}`;
    while (next) {
      const res = await graphGet(emu, next, admin);
      expect(res.status).toBe(200);
      const page = (await res.json()) as {
        value: Record<string, unknown>[];
        '@odata.nextLink'?: string;
      };
      out.push(...page.value);
      next = page['@odata.nextLink'];
    }
    return out;
  };
  const single = async (id: string, query = '') => {
    const res = await graphGet(emu, `/v1.0/deviceManagement/managedDevices/${id}${query}`, admin);
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  };

  beforeAll(async () => {
    emu = await createTestEmulator({ devices: 400, users: 120 });
    admin = await tokenFor(emu, DEMO_ACCOUNTS.admin, [SCOPES.read, SCOPES.privileged]);
    // Every kind of deviceActionResults entry: resets (passcode shown, null, failed), a recovery, admin-center
    // wipe, lock and sync; then long enough for each to settle.
    const firstOf = (mode: string, scenario?: string) =>
      emu.ctx.tenant.devices.find(
        (d) =>
          d.mode === mode &&
          d.graph.managementState === 'managed' &&
          (!scenario || d.scenario === scenario),
      )!.graph.id;
    const post = (id: string, action: string) =>
      graphPost(emu, `/v1.0/deviceManagement/managedDevices/${id}/${action}`, admin);
    for (const mode of ['androidFullyManaged', 'androidAosp', 'iosAutomatedEnrollment'])
      expect((await post(firstOf(mode, 'online'), 'resetPasscode')).status).toBe(204);
    const failing = firstOf('androidCorporateWorkProfile');
    await control(emu, 'PUT', `/devices/${failing}/scenario`, { scenario: 'failing' });
    expect((await post(failing, 'resetPasscode')).status).toBe(204);
    expect((await post(firstOf('windowsMobile'), 'recoverPasscode')).status).toBe(204);
    const admins = firstOf('androidPersonalWorkProfile');
    for (const action of ['wipe', 'remoteLock', 'syncDevice', 'rebootNow'])
      await control(emu, 'POST', `/devices/${admins}/admin-center-actions`, {
        action,
        initiatedBy: DEMO_ACCOUNTS.admin,
        minutesAgo: 10,
      });
    await control(emu, 'POST', '/clock', { advanceMs: 60_000 });
    // Lists show deviceActionResults too, so that they are checked in lists as well.
    await control(emu, 'PUT', '/behaviour', { actionResultsEmptyInLists: false });
  });

  it('every seeded device, listed without $select: declared properties only, each of its declared type', async () => {
    const devices = await readAll('v1.0', '');
    expect(devices).toHaveLength(400);
    expect(devices.flatMap((d) => deviceViolations(d, ALL))).toEqual([]);
    // The check is not vacuous: the fleet has beta-only values to hide, and action results to check.
    expect(devices.some((d) => d.deviceEnrollmentType === 'unknownFutureValue')).toBe(true);
    expect(devices.some((d) => d.managementAgent === 'unknown')).toBe(true);
    const results = devices.flatMap((d) => d.deviceActionResults as Record<string, unknown>[]);
    expect(new Set(results.map((r) => r['@odata.type']))).toEqual(
      new Set([
        '#microsoft.graph.deviceActionResult',
        '#microsoft.graph.resetPasscodeActionResult',
        '#microsoft.graph.remoteLockActionResult',
      ]),
    );
    expect(results.some((r) => typeof r.passcode === 'string')).toBe(true);
    expect(results.some((r) => r.passcode === null)).toBe(true);
    expect(results.some((r) => typeof r.errorCode === 'number' && r.errorCode !== 0)).toBe(true);
  });

  it('every seeded device, listed with $select of every declared property, and read one by one', async () => {
    const devices = await readAll('v1.0', `$select=${ALL.join(',')}`);
    expect(devices).toHaveLength(400);
    expect(devices.flatMap((d) => deviceViolations(d, ALL))).toEqual([]);
    const withResults = devices.filter((d) => (d.deviceActionResults as unknown[]).length > 0);
    expect(withResults.length).toBeGreaterThanOrEqual(7);
    for (const d of withResults) {
      const id = String(d.id);
      expect(deviceViolations(await single(id), ALL)).toEqual([]);
      expect(deviceViolations(await single(id, `?$select=${ALL.join(',')}`), ALL)).toEqual([]);
    }
  });

  it('each declared property alone, with the six that were refused before', async () => {
    const id = String((await readAll('v1.0', '$select=id&$top=1'))[0]?.id);
    for (const name of ALL) {
      const d = await single(id, `?$select=${name}`);
      expect(Object.keys(d).sort(), name).toEqual(['@odata.context', name].sort());
      expect(deviceViolations(d, [name]), name).toEqual([]);
    }
    expect(
      await single(
        id,
        '?$select=activationLockBypassCode,configurationManagerClientEnabledFeatures,deviceHealthAttestationState,remoteAssistanceSessionErrorDetails,remoteAssistanceSessionUrl,requireUserEnrollmentApproval',
      ),
    ).toMatchObject({
      activationLockBypassCode: null,
      configurationManagerClientEnabledFeatures: null,
      deviceHealthAttestationState: null,
      remoteAssistanceSessionErrorDetails: null,
      remoteAssistanceSessionUrl: null,
      requireUserEnrollmentApproval: null,
    });
  });

  it("the checker finds beta's values once /v1.0 sends them (v1EnumValues 'beta'), and /beta sends them by default", async () => {
    const query = '$select=id,deviceEnrollmentType,managementAgent';
    const beta = await readAll('beta', query);
    const byId = new Map(beta.map((d) => [d.id, d]));
    const fullyManaged = emu.ctx.tenant.devices.find((d) => d.mode === 'androidFullyManaged')!;
    const aosp = emu.ctx.tenant.devices.find((d) => d.mode === 'androidAosp')!;
    expect(byId.get(fullyManaged.graph.id)?.deviceEnrollmentType).toBe(
      'androidEnterpriseFullyManaged',
    );
    expect(byId.get(aosp.graph.id)?.managementAgent).toBe('intuneAosp');
    const betaFound = beta.flatMap((d) => deviceViolations(d, []));
    expect(betaFound).toContain(
      `${fullyManaged.graph.id}.deviceEnrollmentType: "androidEnterpriseFullyManaged" is not a member of deviceEnrollmentType (${enumTypes.deviceEnrollmentType!.members.join(', ')})`,
    );
    try {
      await control(emu, 'PUT', '/behaviour', { v1EnumValues: 'beta' });
      const v1 = await readAll('v1.0', query);
      expect(v1).toEqual(beta);
      expect(v1.flatMap((d) => deviceViolations(d, [])).sort()).toEqual(betaFound.sort());
    } finally {
      await control(emu, 'PUT', '/behaviour', { v1EnumValues: 'declared' });
    }
    const v1Again = await readAll('v1.0', query);
    expect(v1Again.flatMap((d) => deviceViolations(d, []))).toEqual([]);
  });

  it('the metadata extract itself: the served $metadata lists every declared property', async () => {
    const xml = await (await emu.app.request(`${TEST_ORIGIN}/v1.0/$metadata`)).text();
    for (const p of DEVICE_PROPERTIES.filter((x) => x.name !== 'id'))
      expect(xml, p.name).toContain(
        `<Property Name="${p.name}" Type="${p.type}"${p.nullable ? '' : ' Nullable="false"'} />`,
      );
  });
});
