import { describe, expect, it } from 'vitest';
import { SharedDeviceReads, SHARED_READ_MS } from './shared-device-reads';

const answer = (id: string) => ({
  id,
  userId: 'user-1',
  managementState: 'managed',
  lastSyncDateTime: null,
  deviceActionResults: [],
  operatingSystem: 'Android',
  osVersion: '14',
  managementAgent: 'mdm',
  managedDeviceOwnerType: 'company' as const,
  deviceEnrollmentType: 'androidEnterpriseFullyManaged',
});

describe('one device read shared by everyone tracking an action on it', () => {
  it('sends one Graph read for simultaneous polls, reuses it briefly, reads again after', async () => {
    let now = 0;
    const reads: string[] = [];
    const shared = new SharedDeviceReads(
      async (token, id) => {
        reads.push(`${token}:${id}`);
        await new Promise((r) => setTimeout(r, 10));
        return answer(id);
      },
      () => now,
    );
    const together = await Promise.all([
      shared.actionResults('a', 'd1'),
      shared.actionResults('b', 'd1'),
      shared.actionResults('c', 'd2'),
    ]);
    expect(together.map((d) => d.id)).toEqual(['d1', 'd1', 'd2']);
    expect(reads).toEqual(['a:d1', 'c:d2']);
    now += SHARED_READ_MS - 1;
    await shared.actionResults('b', 'd1');
    expect(reads).toHaveLength(2);
    now += 1;
    await shared.actionResults('b', 'd1');
    expect(reads).toEqual(['a:d1', 'c:d2', 'b:d1']);
    shared.forget('d1');
    await shared.actionResults('a', 'd1');
    expect(reads).toHaveLength(4);
  });

  it('shares a failure only with the polls that waited for it, and tries again next time', async () => {
    let fail = true;
    const shared = new SharedDeviceReads(async (_t, id) => {
      if (fail) throw new Error('Graph 503');
      return answer(id);
    });
    await expect(
      Promise.all([shared.actionResults('a', 'd'), shared.actionResults('b', 'd')]),
    ).rejects.toThrow('Graph 503');
    fail = false;
    await expect(shared.actionResults('a', 'd')).resolves.toMatchObject({ id: 'd' });
  });
});
