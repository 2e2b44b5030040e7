/**
 * Remembers whether this browser had a session in this app, so that a 401 after the short-lived access
 * cookie expired is worth one silent refresh, while a visitor who never signed in costs no extra request.
 *
 * Only a yes/no flag is stored (in localStorage, to survive a reload); the tokens themselves stay in
 * httpOnly cookies the page cannot read. The portal and the console share an origin, hence one key each.
 */
export interface SessionTracker {
  /** True when a session was seen and not ended since. */
  readonly known: boolean;
  signedIn(): void;
  signedOut(): void;
}

export function createSessionTracker(storageKey?: string): SessionTracker {
  let memory = false;
  const storage = storageKey ? browserStorage() : undefined;

  return {
    get known() {
      if (!storage || !storageKey) return memory;
      try {
        return storage.getItem(storageKey) === '1';
      } catch {
        return memory;
      }
    },
    signedIn() {
      memory = true;
      write('1');
    },
    signedOut() {
      memory = false;
      write(null);
    },
  };

  function write(value: string | null) {
    if (!storage || !storageKey) return;
    try {
      if (value === null) storage.removeItem(storageKey);
      else storage.setItem(storageKey, value);
    } catch {
      // Private browsing or a full quota: the in-memory flag still covers this page's life.
    }
  }
}

function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
