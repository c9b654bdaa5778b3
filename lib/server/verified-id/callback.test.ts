// The Verified ID callback's authentication and judgement, on both databases: a callback proves itself with its
// request's api key and state, concludes a request once (a replay is refused and recorded nowhere), and verifies
// only the device's user with a Face Check score at the threshold or above. Every conclusion is a verification
// record for the agent who started the request, and only that agent reads the request's status.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openAuditDb, type AuditDb } from '@/lib/server/store/db';
import { VerificationStore } from '@/lib/server/store/verifications';
import { VerifiedIdRequests } from '@/lib/server/store/verified-id-requests';
import { startTestPostgres, type TestPostgres } from '@/test-support/postgres';
import { handleCallback } from './callback';
import { hashApiKey } from './start';
import { verifiedIdStatus } from './status';

const AGENT = { oid: '4a1f7c52-9e3b-4d8a-b6c1-2f5e8d9a0b11', upn: 'helpdesk@contoso.com' };
const SUBJECT = { id: 'A1B2C3D4-0000-4000-8000-000000000001', upn: 'Megan.Bowen@contoso.com' };
const DEVICE = 'ABCDEF00-0000-0000-0000-0000000000AA';

let pg: TestPostgres;
const dir = mkdtempSync(join(tmpdir(), 'passcode-desk-verified-id-'));
beforeAll(async () => {
  pg = await startTestPostgres();
}, 60_000);
afterAll(() => {
  pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.each([
  { name: 'SQLite', open: () => openAuditDb({ dataDir: dir }) },
  { name: 'PostgreSQL', open: () => openAuditDb({ dataDir: dir, databaseUrl: pg.url }) },
])('Verified ID callbacks on $name', ({ open }) => {
  let db: AuditDb;
  let requests: VerifiedIdRequests;
  let verifications: VerificationStore;
  let clock = new Date('2026-12-02T10:00:00.000Z');
  const now = () => clock;
  let n = 0;
  let id = '';

  beforeAll(async () => {
    db = await open();
    requests = new VerifiedIdRequests(db, now);
    verifications = new VerificationStore(db, now);
  });
  afterAll(async () => {
    await db.close();
  });

  /** A fresh open request, as start.ts writes it: key `key-<n>`, state `state-<n>`, five minutes to live. */
  beforeEach(async () => {
    n += 1;
    clock = new Date('2026-12-02T10:00:00.000Z');
    id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    await requests.create({
      request_id: id,
      state: `state-${n}`,
      api_key_hash: hashApiKey(`key-${n}`),
      agent_oid: AGENT.oid.toUpperCase(),
      agent_upn: AGENT.upn,
      agent_name: 'Hanna Berger',
      agent_tenant: 'tenant',
      subject_user_id: SUBJECT.id,
      subject_upn: SUBJECT.upn,
      subject_name: 'Megan Bowen',
      device_id: DEVICE,
      threshold: 70,
      created_at: clock.toISOString(),
      expires_at: new Date(clock.getTime() + 5 * 60_000).toISOString(),
    });
  });

  const deps = () => ({ requests, verifications, now });
  const verified = (claims: Record<string, unknown>, score: number | null = 92.4) => ({
    requestId: id,
    requestStatus: 'presentation_verified',
    state: `state-${n}`,
    subject: 'did:ion:EiAholder',
    verifiedCredentialsData: [
      {
        issuer: 'did:web:verifiedid.contoso.com',
        type: ['VerifiableCredential', 'VerifiedEmployee'],
        claims: { displayName: 'Megan Bowen', ...claims },
        ...(score === null ? {} : { faceCheck: { matchConfidenceScore: score } }),
      },
    ],
  });
  const matching = (score?: number | null) =>
    verified({ revocationId: 'megan.bowen@CONTOSO.com' }, score);
  const recordsOfThisRequest = async () =>
    (await verifications.recentFor(AGENT.oid, SUBJECT.id, new Date(0))).filter(
      (v) => v.evidence.method === 'verifiedId' && v.evidence.requestId === id,
    );
  const status = (agentOid = AGENT.oid) => verifiedIdStatus(id, agentOid, deps());

  it('refuses a callback with a wrong api key, or none, and records nothing', async () => {
    expect(await handleCallback('key-wrong', matching(), deps())).toEqual({
      status: 401,
      outcome: 'wrongKey',
    });
    expect(await handleCallback(null, matching(), deps())).toMatchObject({ status: 401 });
    expect(await recordsOfThisRequest()).toHaveLength(0);
    expect((await status())?.status).toBe('waiting');
  });

  it('refuses a callback for a request it never started, or with another state', async () => {
    expect(
      await handleCallback(`key-${n}`, { ...matching(), requestId: crypto.randomUUID() }, deps()),
    ).toEqual({ status: 401, outcome: 'unknownRequest' });
    expect(
      await handleCallback(`key-${n}`, { ...matching(), state: 'state-forged' }, deps()),
    ).toEqual({ status: 401, outcome: 'wrongState' });
    expect(await recordsOfThisRequest()).toHaveLength(0);
  });

  it('verifies a matching credential with a good score, for the agent who started it', async () => {
    expect(
      await handleCallback(
        `key-${n}`,
        { requestId: id, requestStatus: 'request_retrieved', state: `state-${n}` },
        deps(),
      ),
    ).toEqual({ status: 200, outcome: 'retrieved' });
    expect((await status())?.status).toBe('retrieved');
    expect(await handleCallback(`key-${n}`, matching(), deps())).toEqual({
      status: 200,
      outcome: 'concluded',
      verified: true,
      failure: null,
    });
    const [record] = await recordsOfThisRequest();
    expect(record).toMatchObject({
      method: 'verifiedId',
      verified: true,
      subject: { id: SUBJECT.id.toLowerCase(), upn: SUBJECT.upn },
      deviceId: DEVICE.toLowerCase(),
      agent: { oid: AGENT.oid, upn: AGENT.upn },
      evidence: { method: 'verifiedId', requestId: id, score: 92.4, threshold: 70, failure: null },
    });
    // The agent reads it in any letter case of their oid; another agent does not see it at all.
    const read = await status(AGENT.oid.toUpperCase());
    expect(read).toMatchObject({ status: 'verified', score: 92.4, threshold: 70 });
    expect(read?.verification?.id).toBe(record?.id);
    expect(await status('5b2e8d63-af4c-4e9b-87d2-3a6f9eab1c22')).toBeNull();
  });

  it('verifies at exactly the threshold', async () => {
    expect(await handleCallback(`key-${n}`, matching(70), deps())).toMatchObject({
      verified: true,
    });
  });

  it('refuses a replayed concluding callback: 409, and still one record, as first written', async () => {
    await handleCallback(`key-${n}`, matching(), deps());
    expect(await handleCallback(`key-${n}`, matching(), deps())).toEqual({
      status: 409,
      outcome: 'replay',
    });
    // A replay that would turn a failure into a success is refused the same way.
    expect(await handleCallback(`key-${n}`, matching(99), deps())).toMatchObject({ status: 409 });
    expect(await recordsOfThisRequest()).toHaveLength(1);
  });

  it('lets only one of two racing concluding callbacks through', async () => {
    const verdicts = await Promise.all([
      handleCallback(`key-${n}`, matching(), deps()),
      handleCallback(`key-${n}`, matching(), deps()),
    ]);
    expect(verdicts.map((v) => v.status).sort()).toEqual([200, 409]);
    expect(await recordsOfThisRequest()).toHaveLength(1);
  });

  it("records another user's credential as a failed verification (subjectMismatch)", async () => {
    const other = verified({ revocationId: 'adele.vance@contoso.com' });
    expect(await handleCallback(`key-${n}`, other, deps())).toMatchObject({
      verified: false,
      failure: 'subjectMismatch',
    });
    expect(await recordsOfThisRequest()).toMatchObject([
      { verified: false, evidence: { failure: 'subjectMismatch', score: 92.4 } },
    ]);
  });

  it('records a score below the threshold, or none, as a failed verification (lowScore)', async () => {
    expect(await handleCallback(`key-${n}`, matching(69.9), deps())).toMatchObject({
      verified: false,
      failure: 'lowScore',
    });
    expect((await status())?.status).toBe('failed');
    expect((await status())?.failure).toBe('lowScore');
  });

  it('records no Face Check score as lowScore', async () => {
    expect(await handleCallback(`key-${n}`, matching(null), deps())).toMatchObject({
      failure: 'lowScore',
    });
  });

  it('records a presentation arriving after the expiry as expired, never verified', async () => {
    clock = new Date(clock.getTime() + 5 * 60_000 + 1);
    expect(await handleCallback(`key-${n}`, matching(), deps())).toMatchObject({
      verified: false,
      failure: 'expired',
    });
    expect((await status())?.status).toBe('expired');
    expect(await recordsOfThisRequest()).toMatchObject([{ verified: false }]);
  });

  it("records the service's presentation_expired as expired, and an open request past its expiry reads expired", async () => {
    clock = new Date(clock.getTime() + 6 * 60_000);
    expect((await status())?.status).toBe('expired');
    expect(
      await handleCallback(
        `key-${n}`,
        {
          requestId: id,
          requestStatus: 'presentation_error',
          state: `state-${n}`,
          error: { code: 'presentation_expired', message: 'The presentation request has expired.' },
        },
        deps(),
      ),
    ).toMatchObject({ status: 200, failure: 'expired' });
  });

  it('refuses a late callback for a request pruned a day after its expiry', async () => {
    await handleCallback(`key-${n}`, matching(), deps());
    await requests.prune(new Date(clock.getTime() + 5 * 60_000 + 86_400_000 + 1));
    expect(await handleCallback(`key-${n}`, matching(), deps())).toEqual({
      status: 401,
      outcome: 'unknownRequest',
    });
    expect(await recordsOfThisRequest()).toHaveLength(1);
  });

  it('refuses a body that is not a callback', async () => {
    expect(await handleCallback(`key-${n}`, { hello: 'world' }, deps())).toEqual({
      status: 400,
      outcome: 'invalidCallback',
    });
  });
});
