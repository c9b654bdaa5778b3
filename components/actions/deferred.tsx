'use client';
// A component loaded when it is first shown, not with the page: React's own lazy with an empty fallback. Not
// next/dynamic, whose loader adds more to the first load than the parts deferred here weigh.
import { lazy, Suspense, type ComponentType } from 'react';

export function deferred<P extends object>(load: () => Promise<ComponentType<P>>) {
  const Lazy = lazy(async () => ({ default: await load() }));
  function Deferred(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return Deferred;
}
