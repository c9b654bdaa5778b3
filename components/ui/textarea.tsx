// The console's multi-line text field, in the same frame as the single-line ones.
import { cva, type VariantProps } from 'class-variance-authority';
import type * as React from 'react';
import { cn } from '@/lib/shared/cn';
import { fieldFrame } from './input';

const textareaVariants = cva(`${fieldFrame} w-full px-3 py-2`, {
  variants: { size: { md: 'text-sm', lg: 'text-base' } },
  defaultVariants: { size: 'md' },
});

export type TextareaProps = React.ComponentProps<'textarea'> &
  VariantProps<typeof textareaVariants>;

export function Textarea({ className, size, ...props }: TextareaProps) {
  return <textarea className={cn(textareaVariants({ size }), className)} {...props} />;
}
