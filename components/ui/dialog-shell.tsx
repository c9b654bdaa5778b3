// The frame every dialog of the console sits in: a dimmed overlay and a centred, scrolling panel. DialogShell
// is Radix's AlertDialog (a confirm that must be answered); dialogOverlayClass and dialogPanelVariants dress a
// plain Radix Dialog the same way.
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { cva, type VariantProps } from 'class-variance-authority';
import type * as React from 'react';
import { cn } from '@/lib/shared/cn';

export const dialogOverlayClass = 'fixed inset-0 z-40 bg-slate-900/50';

export const dialogPanelVariants = cva(
  'fixed left-1/2 top-1/2 z-50 max-h-[90vh] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 text-slate-900 shadow-xl dark:bg-slate-900 dark:text-slate-100',
  {
    variants: { size: { md: 'w-[min(34rem,95vw)]', lg: 'w-[min(40rem,95vw)]' } },
    defaultVariants: { size: 'md' },
  },
);

export type DialogShellProps = React.ComponentProps<typeof AlertDialog.Content> &
  VariantProps<typeof dialogPanelVariants> & {
    open: boolean;
    onOpenChange: (open: boolean) => void;
  };

/** A controlled AlertDialog: root, portal, overlay and the panel holding `children`. */
export function DialogShell({ open, onOpenChange, className, size, ...props }: DialogShellProps) {
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={dialogOverlayClass} />
        <AlertDialog.Content className={cn(dialogPanelVariants({ size }), className)} {...props} />
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
