import { describe, expect, it } from 'vitest';
import { APPROVER_APP_ROLE, AUDITOR_APP_ROLE, DEMO_ACCOUNTS } from '../constants';
import { ENROLLMENT_MODE_KEYS, ENROLLMENT_MODES, type EnrollmentModeKey } from './enrollment';
import { asciiFold, seedTenant } from './seed';

const epoch = new Date('2026-11-28T09:00:00Z');

describe('seeded tenant', () => {
  it('is the same for the same seed, and different for another', () => {
    const a = seedTenant({ seed: 7, devices: 400, users: 120, epoch });
    const b = seedTenant({ seed: 7, devices: 400, users: 120, epoch });
    const c = seedTenant({ seed: 8, devices: 400, users: 120, epoch });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(c.devices.map((d) => d.graph.id)).not.toEqual(a.devices.map((d) => d.graph.id));
  });

  it('has the requested sizes, the demo agents, and every platform a helpdesk meets', () => {
    const t = seedTenant({ seed: 4242, devices: 2500, users: 800, epoch });
    expect(t.devices).toHaveLength(2500);
    // The approver came after the fleet was first drawn: one user beyond the requested count, placed last.
    expect(t.users).toHaveLength(801);
    expect(t.users.at(-1)?.userPrincipalName).toBe(DEMO_ACCOUNTS.approver);
    for (const upn of Object.values(DEMO_ACCOUNTS))
      expect(t.users.some((u) => u.userPrincipalName === upn)).toBe(true);
    const platforms = new Set(
      t.devices.map((d) => `${d.graph.operatingSystem}/${d.graph.managementAgent}`),
    );
    expect([...platforms].sort()).toEqual([
      'Android/googleCloudDevicePolicyController',
      'Android/intuneAosp',
      'Android/mdm',
      'Windows/mdm',
      'iOS/mdm',
      'iPadOS/mdm',
      'macOS/mdm',
    ]);
    // Every enrollment mode, in proportions like a real fleet's; Graph's fields follow the mode's row of the table.
    const share = (mode: EnrollmentModeKey) =>
      t.devices.filter((d) => d.mode === mode).length / t.devices.length;
    for (const mode of ENROLLMENT_MODE_KEYS) expect(share(mode), mode).toBeGreaterThan(0);
    expect(share('iosAutomatedEnrollment')).toBeGreaterThan(share('iosUserEnrollment'));
    expect(share('windowsMobile')).toBeLessThan(0.02);
    for (const d of t.devices) {
      const mode = ENROLLMENT_MODES[d.mode];
      expect(mode.deviceEnrollmentTypes).toContain(d.graph.deviceEnrollmentType);
      expect([
        d.graph.operatingSystem,
        d.graph.managementAgent,
        d.graph.managedDeviceOwnerType,
        d.graph.isSupervised,
      ]).toEqual([mode.operatingSystem, mode.managementAgent, mode.ownerType, mode.supervised]);
    }
    expect(new Set(t.devices.map((d) => d.graph.id)).size).toBe(2500);
    expect(new Set(t.users.map((u) => u.userPrincipalName)).size).toBe(801);
  });

  it("gives the console's app roles to the auditor and to two approvers, and the approver Intune's remote tasks everywhere", () => {
    const t = seedTenant({ seed: 4242, devices: 300, users: 100, epoch });
    const withRole = (role: string) =>
      t.users.filter((u) => u.appRoles?.includes(role)).map((u) => u.userPrincipalName);
    expect(withRole(AUDITOR_APP_ROLE)).toEqual([DEMO_ACCOUNTS.auditor]);
    expect(withRole(APPROVER_APP_ROLE).sort()).toEqual(
      [DEMO_ACCOUNTS.admin, DEMO_ACCOUNTS.approver].sort(),
    );
    const approver = t.users.find((u) => u.userPrincipalName === DEMO_ACCOUNTS.approver);
    const helpdesk = t.users.find((u) => u.userPrincipalName === DEMO_ACCOUNTS.helpdesk);
    expect(approver).toMatchObject({
      displayName: 'Priya Raman',
      intuneRemoteTasks: true,
      intuneScopeTags: ['EMEA', 'AMER', 'APAC'],
      consentedScopes: helpdesk?.consentedScopes,
      directoryRoles: helpdesk?.directoryRoles,
    });
    expect(t.sharedMailboxes[0]?.sendAs).toContain(approver?.id);
  });

  it('contains the cases that trip a helpdesk', () => {
    const t = seedTenant({ seed: 4242, devices: 2500, users: 800, epoch });
    const zoes = t.devices.filter((d) => d.graph.deviceName === "Zoë's iPhone");
    expect(zoes).toHaveLength(2);
    expect(new Set(zoes.map((d) => d.graph.userId)).size).toBe(1);
    expect(t.devices.some((d) => d.graph.deviceName === "O'Connor Pixel")).toBe(true);
    // Enrolled by Zoë for a colleague: its primary user is the colleague, one person in every user field.
    const users = new Map(t.users.map((u) => [u.id, u]));
    const zoe = t.users.find((u) => u.userPrincipalName.startsWith('zoe.obrien@'));
    const enrolled = t.devices.filter((d) => d.enrolledBy !== null);
    expect(enrolled.map((d) => d.graph.deviceName)).toEqual(['Shared iPad Reception']);
    expect(enrolled[0]?.enrolledBy?.id).toBe(zoe?.id);
    expect(enrolled[0]?.graph.userId).not.toBe(zoe?.id);
    expect(
      t.devices.every(
        (d) =>
          !d.graph.userId ||
          users.get(d.graph.userId)?.userPrincipalName === d.graph.userPrincipalName,
      ),
    ).toBe(true);
    const staleMs = 30 * 86_400_000;
    expect(
      t.devices.filter((d) => epoch.getTime() - Date.parse(d.graph.lastSyncDateTime) > staleMs)
        .length,
    ).toBeGreaterThan(50);
    expect(t.devices.every((d) => d.graph.easActivationDateTime === '0001-01-01T00:00:00Z')).toBe(
      true,
    );
  });

  it('has a user with every risk signal, ordinary users with managers and phones, and an agent who may read none of it', () => {
    const t = seedTenant({ seed: 4242, devices: 2500, users: 800, epoch });
    const juergen = t.users.find((u) => u.userPrincipalName.startsWith('juergen.weiss@'));
    expect(juergen?.profile.accountEnabled).toBe(false);
    expect(juergen?.risk).toMatchObject({ riskLevel: 'high', riskState: 'atRisk' });
    expect(t.devices.filter((d) => d.graph.userId === juergen?.id).map((d) => d.graph)).toEqual([
      expect.objectContaining({
        deviceName: "Jürgen's iPhone",
        jailBroken: 'True',
        partnerReportedThreatState: 'compromised',
      }),
    ]);
    const regular = t.users.filter((u) => u.agentRole === undefined);
    const share = (f: (u: (typeof regular)[number]) => boolean) =>
      regular.filter(f).length / regular.length;
    expect(share((u) => u.managerId !== null)).toBeGreaterThan(0.7);
    expect(share((u) => u.phoneMethods.length > 0)).toBeGreaterThan(0.7);
    expect(share((u) => u.profile.mobilePhone !== null)).toBeGreaterThan(0.6);
    const byId = new Map(t.users.map((u) => [u.id, u]));
    expect(regular.every((u) => u.managerId === null || byId.has(u.managerId))).toBe(true);
    const readOnly = t.users.find((u) => u.userPrincipalName === DEMO_ACCOUNTS.readOnly);
    expect(readOnly?.directoryRoles).toEqual([]);
    expect(readOnly?.consentedScopes).not.toContain('User.Read.All');
  });

  it('folds names into UPN-safe ASCII', () => {
    expect(asciiFold("O'Brien")).toBe('obrien');
    expect(asciiFold('Zoë')).toBe('zoe');
    expect(asciiFold('Weiß')).toBe('weiss');
    expect(asciiFold('Łucja')).toBe('lucja');
  });
});
