'use client';
// Renders a failure of a console page (for example a misconfigured deployment) without a stack trace.
import { Button } from '@/components/ui/button';
import { messages } from '@/lib/shared/i18n/messages';

export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto mt-16 max-w-lg rounded-lg border border-red-200 bg-white p-6">
      <h1 className="text-lg font-semibold text-red-900">{messages.errors.generic}</h1>
      {error.digest && <p className="mt-2 font-mono text-xs text-slate-600">{messages.errors.digest}: {error.digest}</p>}
      <Button className="mt-4" onClick={reset}>{messages.errors.retry}</Button>
    </div>
  );
}
