import type { StoreChoice } from './use-store-choice';

export function StorePicker({ store }: { store: StoreChoice }) {
  if (!store.required) {
    return store.implied ? <p className="tally-muted checkout-store">Store: {store.implied}</p> : null;
  }
  const empty = !store.loading && store.options.length === 0;
  return (
    <div className="tally-field checkout-store">
      <label htmlFor={store.fieldId} className="tally-field__label">
        Store
      </label>
      <p id={`${store.fieldId}-hint`} className="tally-field__hint">
        {empty
          ? 'You are not assigned to a store yet: ask an admin to assign you one.'
          : 'The store this till is in; every award, redemption and refund is recorded against it.'}
      </p>
      <select
        id={store.fieldId}
        value={store.storeId}
        onChange={(event) => store.setStoreId(event.target.value)}
        aria-describedby={`${store.fieldId}-hint`}
        required
      >
        <option value="">{store.loading ? 'Loading stores…' : 'Choose the store you are working in'}</option>
        {store.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
