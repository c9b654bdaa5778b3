// A message in a tone (info, warning, error, success), framed as a bordered box, a soft block, or plain coloured
// text (a field's error). One recipe, so every warning in the console has the same contrast in both themes.
import { cva, type VariantProps } from 'class-variance-authority';
import type * as React from 'react';
import { cn } from '@/lib/shared/cn';

// Plain text takes its size from where it stands (a text-xs list, a text-sm form); boxes are text-sm.
export const noticeVariants = cva('', {
  variants: {
    variant: { info: '', warning: '', error: '', success: '' },
    frame: {
      box: 'rounded-md border px-3 py-2 text-sm',
      soft: 'rounded px-2 py-1 text-sm',
      text: '',
    },
  },
  compoundVariants: [
    {
      variant: 'info',
      frame: ['box', 'soft'],
      class: 'bg-sky-50 text-sky-950 dark:bg-sky-950 dark:text-sky-100',
    },
    { variant: 'info', frame: 'box', class: 'border-sky-300 dark:border-sky-700' },
    { variant: 'info', frame: 'text', class: 'text-sky-900 dark:text-sky-200' },
    {
      variant: 'warning',
      frame: ['box', 'soft'],
      class: 'bg-amber-50 text-amber-950 dark:bg-amber-950 dark:text-amber-100',
    },
    { variant: 'warning', frame: 'box', class: 'border-amber-300 dark:border-amber-700' },
    { variant: 'warning', frame: 'text', class: 'text-amber-900 dark:text-amber-200' },
    {
      variant: 'error',
      frame: ['box', 'soft'],
      class: 'bg-red-50 text-red-950 dark:bg-red-950 dark:text-red-100',
    },
    { variant: 'error', frame: 'box', class: 'border-red-200 dark:border-red-800' },
    { variant: 'error', frame: 'text', class: 'text-red-800 dark:text-red-300' },
    {
      variant: 'success',
      frame: ['box', 'soft'],
      class: 'bg-emerald-50 text-emerald-950 dark:bg-emerald-950 dark:text-emerald-100',
    },
    { variant: 'success', frame: 'box', class: 'border-emerald-300 dark:border-emerald-700' },
    { variant: 'success', frame: 'text', class: 'text-emerald-900 dark:text-emerald-300' },
  ],
  defaultVariants: { variant: 'info', frame: 'box' },
});

// Without ref: the element varies, and no caller needs to hold a notice.
export type NoticeProps = Omit<React.ComponentProps<'div'>, 'ref'> &
  VariantProps<typeof noticeVariants> & {
    /** The element it is: a paragraph by default, a block when it holds paragraphs, an item in a list. */
    as?: 'p' | 'div' | 'li' | 'span' | 'strong';
  };

export function Notice({ className, variant, frame, as: Tag = 'p', ...props }: NoticeProps) {
  // Attributes any element takes, so the same props fit a p, a div or an li.
  const attributes: React.HTMLAttributes<HTMLElement> = props;
  return <Tag className={cn(noticeVariants({ variant, frame }), className)} {...attributes} />;
}

/** A form field's error (or any short red sentence): the error tone as plain text. */
export function FieldError({ className, ...props }: Omit<NoticeProps, 'variant' | 'frame'>) {
  return <Notice variant="error" frame="text" className={className} {...props} />;
}
