import { useCallback, useReducer } from 'react';
import { newIdempotencyKey } from '../lib/idempotency-key';
import { emptyDraft, type SaleDraft } from '../lib/sale-draft';

/**
 * One sale at the till: the receipt being typed and the one Idempotency-Key its award is sent with,
 * made when the sale starts and kept for every retry until the next sale.
 */
export interface Sale {
  number: number;
  idempotencyKey: string;
  draft: SaleDraft;
  /** Awarded or sent for approval: the receipt is read-only until the next sale. */
  completed: boolean;
}

type SaleAction =
  | { type: 'edit'; update: (draft: SaleDraft) => SaleDraft }
  | { type: 'complete' }
  | { type: 'new'; idempotencyKey: string };

function saleReducer(sale: Sale, action: SaleAction): Sale {
  switch (action.type) {
    case 'edit':
      return sale.completed ? sale : { ...sale, draft: action.update(sale.draft) };
    case 'complete':
      return { ...sale, completed: true };
    case 'new':
      return {
        number: sale.number + 1,
        idempotencyKey: action.idempotencyKey,
        draft: emptyDraft(),
        completed: false,
      };
  }
}

function firstSale(): Sale {
  return { number: 1, idempotencyKey: newIdempotencyKey(), draft: emptyDraft(), completed: false };
}

export function useSale() {
  const [sale, dispatch] = useReducer(saleReducer, undefined, firstSale);
  const edit = useCallback(
    (update: (draft: SaleDraft) => SaleDraft) => dispatch({ type: 'edit', update }),
    [],
  );
  const complete = useCallback(() => dispatch({ type: 'complete' }), []);
  // The key is made here, not in the reducer, so the reducer stays pure.
  const startNew = useCallback(() => dispatch({ type: 'new', idempotencyKey: newIdempotencyKey() }), []);
  return { sale, edit, complete, startNew };
}
