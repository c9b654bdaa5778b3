'use client';
// The approver's decision: the server action with the agent's access token and ID token (the Approver role is read
// from the verified ID token), then the request's detail shows the answer and the shared list is read again.
import { useMsal } from '@azure/msal-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { approvalKeys, type ApprovalDetail } from '@/lib/browser/query/approval-queries';
import { isInteractionRequired } from '@/lib/browser/msal/msal-errors';
import { signInNeeded } from '@/lib/browser/msal/sign-in-needed';
import { SIGN_IN_SCOPES } from '@/lib/shared/auth/scopes';
import type { DecideApprovalResult } from '@/lib/shared/trust/approval';
import { decideApproval } from './actions';

export interface DecisionInput {
  approvalId: string;
  decision: 'approve' | 'deny';
  reason: string;
}

export function useDecideApproval() {
  const { instance, accounts } = useMsal();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: DecisionInput): Promise<DecideApprovalResult> => {
      const account = instance.getActiveAccount() ?? accounts[0];
      if (!account) return { status: 'signInAgain' };
      let tokens;
      try {
        tokens = await instance.acquireTokenSilent({ scopes: SIGN_IN_SCOPES, account });
      } catch (e) {
        if (!isInteractionRequired(e)) throw e;
        signInNeeded.request({ reason: 'sessionEnded', claims: null });
        return { status: 'signInAgain' };
      }
      return decideApproval(input, tokens.accessToken, tokens.idToken);
    },
    onSuccess: (result, input) => {
      if (result.status === 'decided')
        queryClient.setQueryData<ApprovalDetail>(approvalKeys.detail(input.approvalId), (old) =>
          old ? { ...old, approval: result.approval } : old,
        );
      // Refused or not, the request's state may have moved (another approver was first): read both again.
      void queryClient.invalidateQueries({ queryKey: approvalKeys.all });
    },
  });
}
