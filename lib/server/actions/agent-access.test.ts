import { describe, expect, it } from 'vitest';
import { decideAgentAccess, mayReadRoles, RESET_PASSCODE_PERMISSION } from './agent-access';
import { PRIVILEGED_SCOPE } from './request-passcode-action';

const READ = 'DeviceManagementManagedDevices.Read.All';
const RBAC = 'DeviceManagementRBAC.Read.All';
const role = (allowed: string[], notAllowed: string[] = []) => ({
  value: [
    {
      resourceActions: [{ allowedResourceActions: allowed, notAllowedResourceActions: notAllowed }],
    },
  ],
});
const helpDesk = role(['Microsoft.Intune_ManagedDevices_Read', RESET_PASSCODE_PERMISSION]);
const readOnlyOperator = role(['Microsoft.Intune_ManagedDevices_Read']);

describe('whether the agent may run a passcode action, known before the ticket', () => {
  it('a read-only agent without consent to the privileged permission: ask an admin to consent, whatever the role', () => {
    expect(decideAgentAccess(new Set([READ]), null)).toEqual({ state: 'missingConsent' });
    expect(decideAgentAccess(new Set([READ, RBAC]), helpDesk)).toEqual({
      state: 'missingConsent',
    });
  });

  it('a viewer whose Intune role has no remote tasks: ask for the Help Desk Operator role', () => {
    expect(decideAgentAccess(new Set([READ, PRIVILEGED_SCOPE, RBAC]), readOnlyOperator)).toEqual({
      state: 'missingRole',
    });
    // An explicit "not allowed" wins over an allowed one from another role.
    expect(
      decideAgentAccess(
        new Set([PRIVILEGED_SCOPE]),
        role([RESET_PASSCODE_PERMISSION], [RESET_PASSCODE_PERMISSION]),
      ),
    ).toEqual({ state: 'missingRole' });
  });

  it('consent and the role: allowed', () => {
    expect(decideAgentAccess(new Set([READ, PRIVILEGED_SCOPE, RBAC]), helpDesk)).toEqual({
      state: 'allowed',
    });
  });

  it('unknown where the console cannot tell: the role not readable, or an opaque token', () => {
    expect(decideAgentAccess(new Set([READ, PRIVILEGED_SCOPE]), null)).toEqual({
      state: 'unknown',
    });
    expect(decideAgentAccess(null, null)).toEqual({ state: 'unknown' });
    expect(decideAgentAccess(null, helpDesk)).toEqual({ state: 'unknown' });
    // Even unreadable, a role Intune says lacks the task is missing it.
    expect(decideAgentAccess(null, readOnlyOperator)).toEqual({ state: 'missingRole' });
  });

  it('reads Intune roles only with an RBAC permission in the token', () => {
    expect(mayReadRoles(new Set([READ, PRIVILEGED_SCOPE]))).toBe(false);
    expect(mayReadRoles(new Set([RBAC]))).toBe(true);
    expect(mayReadRoles(new Set(['DeviceManagementRBAC.ReadWrite.All']))).toBe(true);
    expect(mayReadRoles(null)).toBe(false);
  });
});
