import 'server-only';
// The numbers of record a call-back may use, read again from Graph with the agent's token when a verification is
// recorded: the ref the browser sent is looked up among them, and only the number's last digits are kept. A ref
// the server cannot find (a free-typed number, a number removed meanwhile, another user's) is refused.
import { asPart, getManager, getPhoneMethods, getUserProfile } from '@/lib/server/graph/directory';
import {
  isUnavailable,
  MANAGER_REF_PREFIX,
  type CallerManager,
  type NumberOfRecord,
} from '@/lib/shared/trust/caller';

/** How many trailing digits of a number a verification records. */
export const KEPT_DIGITS = 4;

export interface NumbersOfRecord {
  /** The user's directory phones and registered phone methods. */
  user: NumberOfRecord[];
  /** The manager, with their directory phones; null when none is set or readable. */
  manager: CallerManager | null;
}

export async function readNumbersOfRecord(
  token: string,
  userId: string,
  signal?: AbortSignal,
): Promise<NumbersOfRecord> {
  const [profile, methods, manager] = await Promise.all([
    asPart('profile', token, () => getUserProfile(token, userId, signal)),
    asPart('phoneMethods', token, () => getPhoneMethods(token, userId, signal)),
    asPart('manager', token, () => getManager(token, userId, signal)),
  ]);
  return {
    user: [
      ...(isUnavailable(profile) ? [] : profile.phones),
      ...(isUnavailable(methods) ? [] : methods.numbers),
    ],
    manager: isUnavailable(manager) ? null : manager,
  };
}

export type ResolvedNumber =
  | { whose: 'user'; number: NumberOfRecord }
  | { whose: 'manager'; number: NumberOfRecord; manager: CallerManager };

/** The number a ref names, and whose it is; null when the ref names none of them. */
export function resolveRef(numbers: NumbersOfRecord, ref: string): ResolvedNumber | null {
  if (ref.startsWith(MANAGER_REF_PREFIX)) {
    const manager = numbers.manager;
    const number = manager?.phones.find((n) => n.ref === ref);
    return manager && number ? { whose: 'manager', number, manager } : null;
  }
  const number = numbers.user.find((n) => n.ref === ref);
  return number ? { whose: 'user', number } : null;
}

/** The last digits of a number, whatever its spacing: all the trail keeps of it. */
export function lastDigits(number: string, count = KEPT_DIGITS): string {
  return number.replace(/\D/g, '').slice(-count);
}
