import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepFieldInView } from './keep-in-view';

// The test runs in Node: a field and a ResizeObserver just real enough to drive the watch.
class FakeField {
  scrolls: ScrollIntoViewOptions[] = [];
  private listeners = new Map<string, Set<() => void>>();
  scrollIntoView(options: ScrollIntoViewOptions) {
    this.scrolls.push(options);
  }
  addEventListener(type: string, fn: () => void) {
    this.listeners.set(type, (this.listeners.get(type) ?? new Set()).add(fn));
  }
  removeEventListener(type: string, fn: () => void) {
    this.listeners.get(type)?.delete(fn);
  }
  fire(type: string) {
    for (const fn of [...(this.listeners.get(type) ?? [])]) fn();
  }
}

let resized: (() => void)[] = [];
let disconnected = 0;
const doc = { activeElement: null as unknown };

beforeEach(() => {
  resized = [];
  disconnected = 0;
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(private readonly cb: () => void) {}
      observe() {
        resized.push(this.cb);
      }
      disconnect() {
        disconnected += 1;
        resized = resized.filter((cb) => cb !== this.cb);
      }
    },
  );
  vi.stubGlobal('document', doc);
});
afterEach(() => vi.unstubAllGlobals());

function watch(onStop?: () => void) {
  const field = new FakeField();
  doc.activeElement = field;
  const stop = keepFieldInView(
    field as unknown as HTMLElement,
    {} as unknown as HTMLElement,
    onStop,
  );
  return { field, stop, resize: () => resized.forEach((cb) => cb()) };
}

describe('keepFieldInView', () => {
  it('centres the field, then brings it back into view whenever the form resizes while it has the focus', () => {
    const { field, resize } = watch();
    expect(field.scrolls).toEqual([{ block: 'center' }]);
    resize();
    expect(field.scrolls).toEqual([{ block: 'center' }, { block: 'nearest' }]);
    doc.activeElement = null; // the focus moved elsewhere without a blur yet: the field is left where it is
    resize();
    expect(field.scrolls).toHaveLength(2);
  });

  it('stops on blur and says so once, so the dialog can watch again on the next key typed', () => {
    const onStop = vi.fn();
    const { field, stop, resize } = watch(onStop);
    field.fire('blur');
    expect(onStop).toHaveBeenCalledTimes(1);
    expect(disconnected).toBe(1);
    resize();
    expect(field.scrolls).toHaveLength(1);
    stop(); // stopping again (the dialog closing) neither disconnects twice nor calls back twice
    field.fire('blur');
    expect(onStop).toHaveBeenCalledTimes(1);
    expect(disconnected).toBe(1);
  });

  it('stops when told to, and a blur afterwards changes nothing', () => {
    const onStop = vi.fn();
    const { field, stop } = watch(onStop);
    stop();
    expect(onStop).toHaveBeenCalledTimes(1);
    field.fire('blur');
    expect(onStop).toHaveBeenCalledTimes(1);
  });
});
