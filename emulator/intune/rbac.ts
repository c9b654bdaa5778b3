// Intune role-based access: an agent sees and acts on devices within the scope tags of its Intune role.
// A user with no Intune role is refused outright.
import type { DirectoryUser, StoredDevice } from '../tenant/types';

export function hasIntuneRole(user: DirectoryUser): boolean {
  return user.intuneScopeTags.length > 0;
}

export function canSee(user: DirectoryUser, device: StoredDevice): boolean {
  return user.intuneScopeTags.includes(device.scopeTag);
}
