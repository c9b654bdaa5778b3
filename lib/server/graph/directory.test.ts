// How a refused directory read reads in the Caller panel: a permission the token lacks is a consent to ask for,
// Graph's denial is "your account may not", Identity Protection's licence check is "not licensed", a 404 is
// "nothing recorded", anything else "failed" with Graph's request-id; and never a value.
import { describe, expect, it } from 'vitest';
import { directoryNumbers, unavailableOf } from './directory';
import { GraphError } from './errors';

const graphError = (status: number, code: string, kind: GraphError['kind'] = 'http') =>
  new GraphError({
    kind,
    status,
    code,
    message: 'Graph said no.',
    requestId: 'rid-1',
    clientRequestId: 'crid-1',
    date: null,
    retryAfterSeconds: null,
    claimsChallenge: null,
  });
const scopes = (...s: string[]) => new Set(s);

describe('unavailableOf', () => {
  it('a 403 to a token without any of the read’s permissions: consent required', () => {
    expect(
      unavailableOf(graphError(403, 'Authorization_RequestDenied'), 'profile', scopes('User.Read')),
    ).toEqual({ unavailable: 'consentRequired', requestId: 'rid-1' });
    expect(
      unavailableOf(graphError(403, 'accessDenied'), 'phoneMethods', scopes('User.Read.All')),
    ).toEqual({ unavailable: 'consentRequired', requestId: 'rid-1' });
  });

  it('a 403 to a token with the permission: the account may not (a missing Entra role)', () => {
    expect(
      unavailableOf(
        graphError(403, 'accessDenied'),
        'phoneMethods',
        scopes('UserAuthenticationMethod.Read.All'),
      ),
    ).toEqual({ unavailable: 'notPermitted', requestId: 'rid-1' });
    // An opaque token: the console cannot tell, and does not guess "consent".
    expect(unavailableOf(graphError(403, 'Authorization_RequestDenied'), 'manager', null)).toEqual({
      unavailable: 'notPermitted',
      requestId: 'rid-1',
    });
  });

  it("Identity Protection's 403 other than a denial: the tenant is not licensed", () => {
    const risk = scopes('IdentityRiskyUser.Read.All');
    expect(unavailableOf(graphError(403, 'Forbidden'), 'risk', risk).unavailable).toBe(
      'notLicensed',
    );
    expect(
      unavailableOf(graphError(403, 'Authorization_RequestDenied'), 'risk', risk).unavailable,
    ).toBe('notPermitted');
  });

  it('404: nothing recorded (no manager, no risk record); throttling, timeouts and 5xx: failed', () => {
    expect(unavailableOf(graphError(404, 'Request_ResourceNotFound'), 'risk', null)).toEqual({
      unavailable: 'none',
      requestId: 'rid-1',
    });
    for (const e of [
      graphError(429, 'TooManyRequests'),
      graphError(503, 'ServiceUnavailable'),
      graphError(0, 'GraphTimeout', 'timeout'),
    ])
      expect(unavailableOf(e, 'profile', null).unavailable).toBe('failed');
  });
});

describe('directoryNumbers', () => {
  it('names each directory phone by a ref, the manager’s under manager/, and skips empty ones', () => {
    expect(
      directoryNumbers({ mobilePhone: '+49 1511 2345678', businessPhones: ['+49 89 1', ' '] }),
    ).toEqual([
      { ref: 'mobilePhone', number: '+49 1511 2345678', source: 'mobilePhone', phoneType: null },
      { ref: 'businessPhones/0', number: '+49 89 1', source: 'businessPhone', phoneType: null },
    ]);
    expect(
      directoryNumbers({ mobilePhone: null, businessPhones: ['+1 206 555'] }, 'manager/'),
    ).toEqual([
      {
        ref: 'manager/businessPhones/0',
        number: '+1 206 555',
        source: 'businessPhone',
        phoneType: null,
      },
    ]);
  });
});
