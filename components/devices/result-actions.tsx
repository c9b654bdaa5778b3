'use client';
// What a result (a table row's last cell, a card's foot) offers for its device: the passcode action, or why there is
// none, and the device's recent action under it. One piece for both layouts, so they cannot drift apart.
import { RowPasscodeAction } from '@/components/actions/passcode-action-host';
import { RecentAction } from '@/components/actions/recent-action';
import type { ItemProps } from './result-item';

export function ResultActions({
  view,
  recent,
  clock,
  active,
}: Pick<ItemProps, 'view' | 'recent' | 'clock' | 'active'>) {
  return (
    <>
      <RowPasscodeAction
        device={view.device}
        warnings={view.warnings}
        action={view.action}
        recent={recent}
        tabbable={active}
      />
      {recent && <RecentAction action={recent} now={clock} compact />}
    </>
  );
}
