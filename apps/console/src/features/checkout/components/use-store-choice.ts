import { isStoreScoped, type AuthUser } from '@tally/domain';
import type { Option } from '@tally/ui';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { storeLabel, type StoreList } from '../../../lib/stores';

const STORAGE_KEY = 'tally.console.checkout.store';

/**
 * Which store the till works for. A cashier or manager of one store sends nothing (the API knows it);
 * one of several stores, or an admin (who has no stores of their own), must choose, and the choice is
 * remembered on this device, as a till stays in its store.
 */
export interface StoreChoice {
  /** The select is shown, and a store must be chosen before anything is sent. */
  required: boolean;
  /** The chosen store; `''` while none is. */
  storeId: string;
  setStoreId: (id: string) => void;
  options: Option[];
  /** The select's DOM id, for the error summaries' links. */
  fieldId: string;
  /** The API said STORE_REQUIRED: show the select even to a user we thought had one store. */
  force: () => void;
  /** The one store of a user who need not choose (its name), while the list has loaded. */
  implied: string | null;
  loading: boolean;
  /** What to send as `storeId`. */
  forRequest: string | undefined;
}

function remembered(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

export function useStoreChoice(user: AuthUser, stores: StoreList): StoreChoice {
  const fieldId = useId();
  const [forced, setForced] = useState(false);
  const [chosen, setChosen] = useState(remembered);
  const scoped = isStoreScoped(user.role);
  const mine = useMemo(
    () => (stores ?? []).filter((store) => !scoped || user.storeIds.includes(store.id)),
    [stores, scoped, user.storeIds],
  );
  const required = forced || !scoped || user.storeIds.length !== 1;
  const options = useMemo(() => mine.map((store) => ({ value: store.id, label: storeLabel(store) })), [mine]);
  const valid = options.some((option) => option.value === chosen);
  // A choice between one store is no choice: take it.
  const storeId = valid ? chosen : options.length === 1 ? options[0]!.value : '';

  useEffect(() => {
    if (!valid || !required) return;
    try {
      localStorage.setItem(STORAGE_KEY, chosen);
    } catch {
      // Private browsing or a full quota: the choice lasts this visit only.
    }
  }, [chosen, valid, required]);

  const implied = !required && mine.length === 1 ? storeLabel(mine[0]!) : null;
  return {
    required,
    storeId,
    setStoreId: setChosen,
    options,
    fieldId,
    force: useCallback(() => setForced(true), []),
    implied,
    loading: stores === undefined,
    forRequest: required && storeId !== '' ? storeId : undefined,
  };
}
