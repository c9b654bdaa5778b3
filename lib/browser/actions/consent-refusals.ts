import 'client-only';
// Accounts in this tab that did not get the privileged permission (the agent refused, may not give it, or closed
// the approval window): their passcode actions stay disabled, with the reason, until the permission arrives after
// all (a late answer from the popup) or the tab is reloaded, which is how an agent retries once an administrator
// has granted it.
export type ConsentRefusal = 'refused' | 'closed';

type Listener = () => void;

export class ConsentRefusals {
  private state: ReadonlyMap<string, ConsentRefusal> = new Map();
  private readonly listeners = new Set<Listener>();

  refuse(accountId: string, why: ConsentRefusal): void {
    this.set(new Map(this.state).set(accountId, why));
  }

  grant(accountId: string): void {
    if (!this.state.has(accountId)) return;
    const next = new Map(this.state);
    next.delete(accountId);
    this.set(next);
  }

  snapshot = (): ReadonlyMap<string, ConsentRefusal> => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(state: ReadonlyMap<string, ConsentRefusal>) {
    this.state = state;
    for (const l of this.listeners) l();
  }
}

export const consentRefusals = new ConsentRefusals();
