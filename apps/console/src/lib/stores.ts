import type { Store } from '@tally/domain';
import type { Option } from '@tally/ui';

/**
 * The store list is loaded once by the app and handed to the pages that name or pick stores; `undefined`
 * while it loads or when it failed (the pages still work, showing store ids).
 */
export type StoreList = readonly Store[] | undefined;

export function storeLabel(store: Store): string {
  return `${store.name} (${store.code})`;
}

export function storeName(stores: StoreList, id: string | null): string {
  if (id === null) return '—';
  const store = stores?.find((s) => s.id === id);
  return store ? storeLabel(store) : id;
}

export function storeOptions(stores: StoreList): Option[] {
  return (stores ?? []).map((store) => ({ value: store.id, label: storeLabel(store) }));
}
