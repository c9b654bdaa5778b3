// What the action benchmark records inside the page: when the confirm button was pressed (the click event's
// time), when the dialog first showed "accepted", and when each tray item first showed "done". Times are epoch
// milliseconds (performance.timeOrigin + a high-resolution time), so they compare with the emulator's clock on the
// same machine. "Shown" is the first animation frame after the DOM changed. Installed with page.addInitScript.

export interface ActionProbeState {
  confirmClicks: number[];
  accepted: number[];
  trayDone: Record<string, number>;
}

declare global {
  interface Window {
    __actions: ActionProbeState;
  }
}

export function installActionProbes(): void {
  const state: ActionProbeState = { confirmClicks: [], accepted: [], trayDone: {} };
  window.__actions = state;
  const epoch = (t: number) => performance.timeOrigin + t;
  document.addEventListener(
    'click',
    (e) => {
      const target =
        e.target instanceof Element ? e.target.closest('[data-testid="confirm-action"]') : null;
      if (target) state.confirmClicks.push(epoch(e.timeStamp));
    },
    true,
  );
  let acceptedShown = false;
  const look = () => {
    const accepted =
      document.querySelector('[data-testid="action-result"][data-result="accepted"]') !== null;
    if (accepted && !acceptedShown)
      requestAnimationFrame(() => state.accepted.push(epoch(performance.now())));
    acceptedShown = accepted;
    for (const item of document.querySelectorAll('[data-testid="tray-item"][data-state="done"]')) {
      const id = item.getAttribute('data-action-id');
      if (id && !(id in state.trayDone)) {
        state.trayDone[id] = 0;
        requestAnimationFrame(() => {
          state.trayDone[id] = epoch(performance.now());
        });
      }
    }
  };
  const start = () =>
    new MutationObserver(look).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-state', 'data-result'],
    });
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
}
