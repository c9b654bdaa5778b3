// What a passcode-action button says about the signed-in agent's access, from the server's word (agent access) and
// this tab's consent refusal: computed once for a whole list, not per row.
import type { AgentAccess } from '@/lib/shared/actions/agent-access';
import type { ConsentRefusal } from '@/lib/browser/actions/consent-refusals';

export interface AccessNote {
  /**
   * A role without remote tasks can never succeed, nor can an account refused consent in this tab: the button opens
   * nothing. Missing consent may still be granted in the approval window (by an administrator), so it opens.
   */
  blocked: boolean;
  /** Why the button is blocked or what the agent meets first; null when nothing stands in the way. */
  reason: 'missingRole' | 'refused' | 'missingConsent' | null;
  /** The state end-to-end tests and styles read (data-access). */
  mark: AgentAccess['state'] | 'refused';
}

export function accessNote(
  access: AgentAccess['state'],
  refusal: ConsentRefusal | null,
): AccessNote {
  return {
    blocked: refusal !== null || access === 'missingRole',
    reason:
      access === 'missingRole'
        ? 'missingRole'
        : refusal
          ? 'refused'
          : access === 'missingConsent'
            ? 'missingConsent'
            : null,
    mark: refusal ? 'refused' : access,
  };
}
