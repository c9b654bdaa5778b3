// The console's text field: one frame (border, background, dark theme) for every single-line input and select.
import { cva, type VariantProps } from 'class-variance-authority';
import type * as React from 'react';
import { cn } from '@/lib/shared/cn';

// A field marked invalid (aria-invalid, set with its message) shows it in its frame too: after an empty Confirm the
// agent sees which field is wrong, not only the message under it (a thicker frame, not colour alone).
export const fieldFrame =
  'rounded-md border border-slate-400 bg-white dark:border-slate-500 dark:bg-slate-950 aria-invalid:border-red-700 aria-invalid:ring-1 aria-invalid:ring-red-700 dark:aria-invalid:border-red-400 dark:aria-invalid:ring-red-400';

const inputVariants = cva(fieldFrame, {
  variants: {
    size: { sm: 'h-9 px-2', md: 'h-10 w-full px-3', lg: 'h-11 w-full px-3 text-base' },
  },
  defaultVariants: { size: 'md' },
});

export type InputProps = Omit<React.ComponentProps<'input'>, 'size'> &
  VariantProps<typeof inputVariants>;

export function Input({ className, size, ...props }: InputProps) {
  return <input className={cn(inputVariants({ size }), className)} {...props} />;
}

export type SelectProps = Omit<React.ComponentProps<'select'>, 'size'> &
  VariantProps<typeof inputVariants>;

/** A native select in the same frame as the text fields. */
export function Select({ className, size = 'sm', ...props }: SelectProps) {
  return <select className={cn(inputVariants({ size }), className)} {...props} />;
}
