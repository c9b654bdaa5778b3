// The control API's reset: every time, the tenant exactly as seeded, whatever a test changed before it (the reset
// copies a kept seed instead of seeding again, so no change may reach the kept one).
import { describe, expect, it } from 'vitest';
import { control, createTestEmulator } from '../testing';

describe('POST /_emulator/reset', () => {
  it('gives back the seeded tenant after changes, and again after changes to the reset one', async () => {
    const emu = await createTestEmulator();
    const asSeeded = structuredClone(emu.ctx.tenant);
    const [first, second] = emu.ctx.tenant.devices;
    if (!first || !second) throw new Error('the test tenant has devices');

    await control(emu, 'PUT', `/devices/${first.graph.id}/management-state`, {
      managementState: 'deletePending',
    });
    await control(emu, 'POST', '/reset');
    expect(emu.ctx.tenant).toEqual(asSeeded);
    // The index is the reset tenant's, not the changed one's.
    expect(emu.ctx.index.deviceById.get(first.graph.id)).toBe(emu.ctx.tenant.devices[0]);

    await control(emu, 'PUT', `/devices/${second.graph.id}/management-state`, {
      managementState: 'retirePending',
    });
    expect(emu.ctx.index.deviceById.get(second.graph.id)?.graph.managementState).toBe(
      'retirePending',
    );
    await control(emu, 'POST', '/reset');
    expect(emu.ctx.tenant).toEqual(asSeeded);
  });
});
