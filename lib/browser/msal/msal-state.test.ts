import {
  EventMessageUtils,
  EventType,
  InteractionType,
  type AccountInfo,
  type EventMessage,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { describe, expect, it } from 'vitest';
import { initialMsalState, msalReducer, sameAccounts } from './msal-state';
import { notLoadedMsal } from './msal-not-loaded';

const statusOf = EventMessageUtils.getInteractionStatusFromEvent;

function account(name: string): AccountInfo {
  return {
    homeAccountId: `${name}-home`,
    localAccountId: `${name}-local`,
    username: `${name}@contoso.example`,
    environment: 'login.example',
    tenantId: 'tenant',
  };
}

/** An instance whose cache holds `accounts` (and counts how often it was read). */
function instanceWith(accounts: AccountInfo[]) {
  const reads = { count: 0 };
  const instance: IPublicClientApplication = {
    ...notLoadedMsal,
    getAllAccounts: () => {
      reads.count++;
      return [...accounts];
    },
  };
  return { instance, reads, accounts };
}

const event = (eventType: EventType, interactionType: InteractionType | null = null) =>
  ({
    type: 'event',
    event: { eventType, interactionType, payload: null, error: null, timestamp: 0 } as EventMessage,
    statusOf,
  }) as const;

describe('msalReducer', () => {
  it('stays in startup, without reading the cache, from MSAL loading until initialise and redirect are done', () => {
    const { instance, reads } = instanceWith([account('ada')]);
    const loaded = msalReducer(initialMsalState, { type: 'loaded', instance });
    expect(loaded).toEqual({ instance, inProgress: 'startup', accounts: [] });
    // initialize() emits these before the cache may be read
    expect(msalReducer(loaded, event(EventType.INITIALIZE_START))).toBe(loaded);
    expect(msalReducer(loaded, event(EventType.INITIALIZE_END))).toBe(loaded);
    expect(reads.count).toBe(0);
    const started = msalReducer(loaded, { type: 'started' });
    expect(started.inProgress).toBe('none');
    expect(started.accounts.map((a) => a.username)).toEqual(['ada@contoso.example']);
  });

  it('follows a redirect being handled: handleRedirect, then none with the signed-in account', () => {
    const cache = instanceWith([]);
    let state = msalReducer(initialMsalState, { type: 'loaded', instance: cache.instance });
    state = msalReducer(state, event(EventType.HANDLE_REDIRECT_START));
    expect(state).toMatchObject({ inProgress: 'handleRedirect', accounts: [] });
    cache.accounts.push(account('ada'));
    state = msalReducer(state, event(EventType.HANDLE_REDIRECT_END));
    expect(state.inProgress).toBe('none');
    expect(state.accounts).toHaveLength(1);
    // `started` comes after and changes nothing
    expect(msalReducer(state, { type: 'started' })).toBe(state);
  });

  it('marks a popup as an interaction in progress until it settles, and keeps the same state when nothing changed', () => {
    const { instance } = instanceWith([account('ada')]);
    const ready = msalReducer(msalReducer(initialMsalState, { type: 'loaded', instance }), {
      type: 'started',
    });
    const busy = msalReducer(ready, event(EventType.ACQUIRE_TOKEN_START, InteractionType.Popup));
    expect(busy.inProgress).toBe('acquireToken');
    expect(busy.accounts).toBe(ready.accounts); // same accounts: the same array, no re-render of readers
    expect(msalReducer(busy, event(EventType.ACQUIRE_TOKEN_START, InteractionType.Silent))).toBe(
      busy,
    );
    const done = msalReducer(busy, event(EventType.ACQUIRE_TOKEN_FAILURE, InteractionType.Popup));
    expect(done.inProgress).toBe('none');
  });

  it('takes up accounts that change without an interaction (the active account changed)', () => {
    const cache = instanceWith([account('ada')]);
    const ready = msalReducer(
      msalReducer(initialMsalState, { type: 'loaded', instance: cache.instance }),
      { type: 'started' },
    );
    cache.accounts.length = 0;
    const after = msalReducer(ready, event(EventType.ACTIVE_ACCOUNT_CHANGED));
    expect(after).toMatchObject({ inProgress: 'none', accounts: [] });
  });
});

describe('sameAccounts', () => {
  it('compares the three identifiers in order', () => {
    expect(sameAccounts([account('a'), account('b')], [account('a'), account('b')])).toBe(true);
    expect(sameAccounts([account('a'), account('b')], [account('b'), account('a')])).toBe(false);
    expect(sameAccounts([account('a')], [{ ...account('a'), username: 'other' }])).toBe(false);
    expect(sameAccounts([account('a')], [])).toBe(false);
  });
});
