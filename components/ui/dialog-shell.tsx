// The frame every dialog of the console sits in: a dimmed overlay and a centred, scrolling panel. DialogShell
// is Radix's AlertDialog (a confirm that must be answered); dialogOverlayClass and dialogPanelVariants dress a
// plain Radix Dialog the same way. DialogFooter keeps a dialog's buttons in view however long its body grows.
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { cva, type VariantProps } from 'class-variance-authority';
import type * as React from 'react';
import { cn } from '@/lib/shared/cn';

export const dialogOverlayClass = 'fixed inset-0 z-40 bg-slate-900/50';

export const dialogPanelVariants = cva(
  // The scroll padding keeps a field the focus moves to (an invalid one after Confirm) clear of the sticky footer:
  // 73 px in one row, 121 px where a phone wraps its buttons to two (German's longest action name at 390 px).
  'fixed left-1/2 top-1/2 z-50 max-h-[90dvh] -translate-x-1/2 -translate-y-1/2 scroll-pb-36 overflow-y-auto rounded-lg bg-white p-6 text-slate-900 shadow-xl dark:bg-slate-900 dark:text-slate-100',
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

/**
 * The dialog's buttons, stuck to the bottom of the panel while its body scrolls beneath them: stacked warnings or
 * validation messages never push Confirm and Cancel below the screen's edge. The last child of the panel; it
 * reaches the panel's edges (the panel's p-6) so the body does not show around it, and sticks at -1.5rem because
 * the browser sticks it inside the panel's padding, which would leave a strip of the body showing below it.
 */
export function DialogFooter({ className, ...props }: React.ComponentProps<'div'>) {
  return (
    <div
      className={cn(
        'sticky -bottom-6 -mx-6 -mb-6 mt-4 flex flex-wrap justify-end gap-2 border-t border-slate-200 bg-white px-6 py-4 dark:border-slate-700 dark:bg-slate-900',
        className,
      )}
      {...props}
    />
  );
}
