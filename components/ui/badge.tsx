// A small coloured tag: a state (compliance, an action's state) as a ringed pill, or a warning as a solid tag.
import { cva, type VariantProps } from 'class-variance-authority';
import type * as React from 'react';
import { cn } from '@/lib/shared/cn';

const badgeVariants = cva('font-medium', {
  variants: {
    tone: { success: '', warning: '', caution: '', error: '', info: '', neutral: '' },
    look: {
      pill: 'inline-flex rounded-full px-2 py-0.5 text-xs ring-1 ring-inset',
      tag: 'rounded px-1.5 text-xs',
    },
  },
  compoundVariants: [
    {
      tone: 'success',
      look: 'pill',
      class:
        'bg-emerald-50 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-400/30',
    },
    {
      tone: 'warning',
      look: 'pill',
      class:
        'bg-amber-50 text-amber-900 ring-amber-600/20 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-400/30',
    },
    {
      tone: 'error',
      look: 'pill',
      class:
        'bg-red-50 text-red-800 ring-red-600/20 dark:bg-red-950 dark:text-red-200 dark:ring-red-400/30',
    },
    {
      tone: 'neutral',
      look: 'pill',
      class:
        'bg-slate-100 text-slate-700 ring-slate-500/20 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-400/30',
    },
    {
      tone: 'success',
      look: 'tag',
      class: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100',
    },
    {
      tone: 'warning',
      look: 'tag',
      class: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
    },
    {
      tone: 'caution',
      look: 'tag',
      class: 'bg-orange-100 text-orange-900 dark:bg-orange-900 dark:text-orange-100',
    },
    {
      tone: 'error',
      look: 'tag',
      class: 'bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100',
    },
    {
      tone: 'info',
      look: 'tag',
      class: 'bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100',
    },
  ],
  defaultVariants: { tone: 'neutral', look: 'pill' },
});

export type BadgeProps = React.ComponentProps<'span'> & VariantProps<typeof badgeVariants>;

/** A badge's classes, for a list that works them out once instead of drawing a Badge per row. */
export function badgeClassName({
  tone,
  look,
  className,
}: VariantProps<typeof badgeVariants> & { className?: string }): string {
  return cn(badgeVariants({ tone, look }), className);
}

export function Badge({ className, tone, look, ...props }: BadgeProps) {
  return <span className={badgeClassName({ tone, look, className })} {...props} />;
}
