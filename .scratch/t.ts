import { seedTenant } from '../emulator/tenant/seed';
for (const [d,u] of [[2500,800],[100000,30000]] as const) {
const t0 = performance.now();
const t = seedTenant({ seed: 4242, devices: d, users: u, epoch: new Date('2026-11-28T10:00:00Z') });
console.log(d, (performance.now()-t0).toFixed(0),'ms', t.devices[5]?.graph.id, t.devices[5]?.graph.serialNumber);
}
