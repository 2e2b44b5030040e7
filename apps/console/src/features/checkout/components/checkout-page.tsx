import { can, type AuthUser, type MemberSummary } from '@tally/domain';
import { ErrorState, LoadingState, Page, Section } from '@tally/ui';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { StoreList } from '../../../lib/stores';
import { useMemberLookup, type MemberLookup } from '../api/lookup-member';
import { useProgramme } from '../../../lib/programme';
import { CheckoutResult, type CheckoutOutcome } from './checkout-result';
import { EarnPreview } from './earn-preview';
import { FindMemberForm } from './find-member-form';
import { MemberPanel } from './member-panel';
import { RedeemForm } from './redeem-form';
import { RefundForm } from './refund-form';
import { RewardVoucherSection } from './reward-voucher-section';
import { SaleForm } from './sale-form';
import { StorePicker } from './store-picker';
import { useSale } from './use-sale';
import { useStoreChoice } from './use-store-choice';

type FocusTarget = 'card' | 'receipt';

/**
 * The cashier's screen, keyboard first: the card field has focus when the screen opens and after every
 * finished sale, a scanner's Enter finds the member, focus moves on to the receipt, and the preview shows
 * every point before anything is sent.
 */
export function CheckoutPage({ user, stores }: { user: AuthUser; stores: StoreList }) {
  const store = useStoreChoice(user, stores);
  const programme = useProgramme();
  const [lookup, setLookup] = useState<MemberLookup | null>(null);
  const member = useMemberLookup(lookup);
  const { sale, edit, complete, startNew } = useSale();
  const [outcome, setOutcome] = useState<CheckoutOutcome | null>(null);
  const [cardText, setCardText] = useState('');
  const cardRef = useRef<HTMLInputElement>(null);
  const receiptRef = useRef<HTMLInputElement>(null);
  const receiptFieldId = useId();

  // When the screen opens, a passive effect: this component is `Page`'s parent, so it runs after Page's
  // own, and the card field rather than the page heading ends up with focus.
  useEffect(() => cardRef.current?.focus(), []);
  // Later moves are layout effects: focus moves in the commit that shows the member, so a key typed at
  // once lands in the receipt, not in the card field.
  const [focus, setFocus] = useState<{ target: FocusTarget; n: number } | null>(null);
  const focusOn = (target: FocusTarget) => setFocus((current) => ({ target, n: (current?.n ?? 0) + 1 }));
  useLayoutEffect(() => {
    if (focus) (focus.target === 'card' ? cardRef : receiptRef).current?.focus();
  }, [focus]);

  const onFound = (next: MemberLookup, _found: MemberSummary) => {
    setLookup(next);
    setCardText('');
    // A card scanned after a finished sale starts the next one; mid-sale it only changes who earns.
    if (sale.completed) {
      startNew();
      setOutcome(null);
    }
    focusOn('receipt');
  };

  const onSaleCompleted = (result: CheckoutOutcome) => {
    complete();
    setOutcome(result);
    setCardText('');
    focusOn('card');
  };

  const onNewSale = () => {
    startNew();
    setOutcome(null);
    setLookup(null);
    setCardText('');
    focusOn('card');
  };

  const current = member.data;
  return (
    <Page title="Checkout" lead="Find the member, enter the receipt, check the points, then award them.">
      <StorePicker store={store} />
      <div className="checkout">
        <div className="checkout__entry">
          <FindMemberForm value={cardText} onChange={setCardText} inputRef={cardRef} onFound={onFound} />
          {lookup && !current ? (
            member.isError ? (
              <ErrorState
                error={member.error}
                onRetry={() => void member.refetch()}
                retrying={member.isFetching}
              />
            ) : (
              <LoadingState>Looking the member up…</LoadingState>
            )
          ) : null}
          {current ? (
            <>
              <MemberPanel member={current} refreshing={member.isFetching} />
              <Section title="Sale">
                <SaleForm
                  sale={sale}
                  edit={edit}
                  member={current}
                  currency={programme.data?.currency ?? 'GBP'}
                  store={store}
                  receiptFieldId={receiptFieldId}
                  receiptRef={receiptRef}
                  onCompleted={onSaleCompleted}
                  onNewSale={onNewSale}
                />
              </Section>
            </>
          ) : null}
        </div>
        <div className="checkout__side">
          {current ? (
            <EarnPreview
              draft={sale.draft}
              member={current}
              programme={programme}
              completed={sale.completed}
            />
          ) : null}
          <Section title="Result">
            <CheckoutResult outcome={outcome} />
          </Section>
        </div>
        <div className="checkout__more">
          {current && can(user.role, 'checkout:redeem') ? (
            <RedeemForm
              key={sale.number}
              member={current}
              receiptId={sale.draft.receiptId}
              receiptFieldId={receiptFieldId}
              store={store}
              disabled={sale.completed}
              onRedeemed={setOutcome}
            />
          ) : null}
          {current && can(user.role, 'checkout:redeem') ? (
            <RewardVoucherSection member={current} store={store} onOutcome={setOutcome} />
          ) : null}
          {can(user.role, 'checkout:refund') ? <RefundForm store={store} onRefunded={setOutcome} /> : null}
        </div>
      </div>
    </Page>
  );
}
