'use client';
// The requester withdraws their approval request (server action withdrawApproval, with the sign-in token); the
// request's status is then read again, so the tray and the device page say it ended.
import { useMsal } from '@azure/msal-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { withdrawApproval } from '@/components/approvals/actions';
import { actionKeys } from '@/lib/browser/query/action-queries';
import { SIGN_IN_SCOPES } from '@/lib/shared/auth/scopes';
import type { WithdrawApprovalResult } from '@/lib/shared/trust/approval';
import { NoAccountError } from './use-passcode-action';

export function useWithdrawApproval(approvalId: string) {
  const { instance, accounts } = useMsal();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (): Promise<WithdrawApprovalResult> => {
      const account = instance.getActiveAccount() ?? accounts[0];
      if (!account) throw new NoAccountError('no signed-in account');
      const { accessToken } = await instance.acquireTokenSilent({
        scopes: SIGN_IN_SCOPES,
        account,
      });
      return withdrawApproval({ approvalId }, accessToken);
    },
    // Withdrawn, or refused because it ended meanwhile: either way the status says where it stands now.
    onSettled: () => queryClient.invalidateQueries({ queryKey: actionKeys.status(approvalId) }),
  });
}
