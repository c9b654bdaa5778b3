import 'server-only';
// One Graph read of a device's remote-action results serves every agent tracking an action on that device: reads
// asked for at the same time share one request, and an answer is reused for a few seconds. Shared only between
// agents who requested an action on the device themselves (Graph let each of them read it then); anyone else
// reading the device does so with their own token, so Intune's RBAC decides as always. Per instance, in memory.
import { getManagedDevice } from '@/lib/server/graph/managed-devices';
import { SHARED_READ_MS } from '@/lib/shared/timing';

type ActionResults = Awaited<ReturnType<typeof getManagedDevice<'actionResults'>>>;

/** How long one read answers for everyone (lib/shared/timing.ts, where tests that wait it out import it from). */
export { SHARED_READ_MS };
const MAX_DEVICES = 5_000;

export class SharedDeviceReads {
  private readonly fresh = new Map<string, { at: number; value: ActionResults }>();
  private readonly inFlight = new Map<string, Promise<ActionResults>>();

  constructor(
    private readonly read: (token: string, deviceId: string) => Promise<ActionResults> = (
      token,
      id,
    ) => getManagedDevice(token, id, 'actionResults'),
    private readonly now: () => number = Date.now,
  ) {}

  async actionResults(token: string, deviceId: string): Promise<ActionResults> {
    const cached = this.fresh.get(deviceId);
    if (cached && this.now() - cached.at < SHARED_READ_MS) return cached.value;
    const pending = this.inFlight.get(deviceId);
    if (pending) return pending;
    const reading = this.read(token, deviceId)
      .then((value) => {
        if (this.fresh.size >= MAX_DEVICES) this.fresh.clear();
        this.fresh.set(deviceId, { at: this.now(), value });
        return value;
      })
      .finally(() => this.inFlight.delete(deviceId));
    this.inFlight.set(deviceId, reading);
    return reading;
  }

  /** Forgets a device's answer (after a new action on it, the next read must be Graph's). */
  forget(deviceId: string): void {
    this.fresh.delete(deviceId);
  }
}

export const sharedDeviceReads = new SharedDeviceReads();
