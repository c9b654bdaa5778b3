// Equality indexes over the tenant's devices, as Intune's store has: a filter with `prop eq 'x'` on an
// indexed property (alone or inside an `and`) reads only the matching devices instead of scanning them all.
// The full filter still runs over the candidates, so results are the same either way.
import type { StoredDevice } from '../tenant/types';
import type { FilterNode } from './filter';

const INDEXED = new Set([
  'userPrincipalName',
  'emailAddress',
  'userId',
  'serialNumber',
  'imei',
  'id',
  'deviceName',
  'azureADDeviceId',
]);

export class DeviceIndexes {
  private readonly indexes = new Map<string, Map<string, StoredDevice[]>>();

  constructor(private readonly devices: readonly StoredDevice[]) {}

  /** Devices that can match `node`, in tenant order, or null when the filter cannot be narrowed. */
  candidates(node: FilterNode | null): readonly StoredDevice[] | null {
    if (!node) return null;
    if (
      node.kind === 'compare' &&
      node.op === 'eq' &&
      typeof node.value === 'string' &&
      INDEXED.has(node.property)
    ) {
      return this.index(node.property).get(node.value.toLowerCase()) ?? [];
    }
    if (node.kind === 'and') {
      const left = this.candidates(node.left);
      const right = this.candidates(node.right);
      if (left && right) return left.length <= right.length ? left : right;
      return left ?? right;
    }
    return null;
  }

  private index(property: string): Map<string, StoredDevice[]> {
    let idx = this.indexes.get(property);
    if (!idx) {
      idx = new Map();
      for (const d of this.devices) {
        const v = d.graph[property as keyof StoredDevice['graph']];
        if (typeof v !== 'string') continue;
        const key = v.toLowerCase();
        const list = idx.get(key);
        if (list) list.push(d);
        else idx.set(key, [d]);
      }
      this.indexes.set(property, idx);
    }
    return idx;
  }
}
