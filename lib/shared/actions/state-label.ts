// How an action's state reads to a person.
import { messages } from '@/lib/shared/i18n/messages';
import type { TrackedState } from './types';

export function stateLabel(state: TrackedState): string {
  return messages.trackedStates[state];
}
