import { can } from '@tally/domain';
import { ForgotPasswordPage, ResetPasswordPage } from '@tally/ui';
import { lazy, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { ApprovalsPage } from '../features/approvals/components/approvals-page';
import { ClaimsPage } from '../features/claims/components/claims-page';
import { AuditPage } from '../features/audit/components/audit-page';
import { AcceptInvitationPage } from '../features/auth/components/accept-invitation-page';
import { StaffSignInPage } from '../features/auth/components/staff-sign-in-page';
import { CheckoutPage } from '../features/checkout/components/checkout-page';
import { LedgerPage } from '../features/ledger/components/ledger-page';
import { OutboxPage } from '../features/outbox/components/outbox-page';
import { PosKeysPage } from '../features/pos-keys/components/pos-keys-page';
import { LiabilityPage } from '../features/reports/components/liability-page';
import { RewardsPage } from '../features/rewards/components/rewards-page';
import { StaffPage } from '../features/staff/components/staff-page';
import { useStores } from '../features/stores/api/get-stores';
import { StoresPage } from '../features/stores/components/stores-page';
import { WebhooksPage } from '../features/webhooks/components/webhooks-page';
import type { StoreList } from '../lib/stores';
import { ConsoleLayout } from './console-layout';
import { HomePage } from './home-page';
import { NotFoundPage } from './not-found-page';
import { Allowed, RequireStaff } from './staff-session';

// Only marketing, managers and admins open the campaign pages: they load on demand, so the till's first
// download stays small.
const CampaignsPage = lazy(() =>
  import('../features/campaigns/components/campaigns-page').then((m) => ({ default: m.CampaignsPage })),
);
const CampaignEditorPage = lazy(() =>
  import('../features/campaigns/components/campaign-editor-page').then((m) => ({
    default: m.CampaignEditorPage,
  })),
);
const CampaignDetailPage = lazy(() =>
  import('../features/campaigns/components/campaign-detail-page').then((m) => ({
    default: m.CampaignDetailPage,
  })),
);

const SegmentsPage = lazy(() =>
  import('../features/segments/components/segments-page').then((m) => ({ default: m.SegmentsPage })),
);
const SegmentEditorPage = lazy(() =>
  import('../features/segments/components/segment-editor-page').then((m) => ({
    default: m.SegmentEditorPage,
  })),
);
const SegmentDetailPage = lazy(() =>
  import('../features/segments/components/segment-detail-page').then((m) => ({
    default: m.SegmentDetailPage,
  })),
);

const ProgrammePage = lazy(() =>
  import('../features/programme/components/programme-page').then((m) => ({ default: m.ProgrammePage })),
);

// The ideas board's moderation is for marketing, managers and admins: loaded on demand too.
const IdeasPage = lazy(() =>
  import('../features/ideas/components/ideas-page').then((m) => ({ default: m.IdeasPage })),
);
const ReviewQueuePage = lazy(() =>
  import('../features/ideas/components/review-queue-page').then((m) => ({ default: m.ReviewQueuePage })),
);
const IdeaDetailPage = lazy(() =>
  import('../features/ideas/components/idea-detail-page').then((m) => ({ default: m.IdeaDetailPage })),
);

/**
 * The pages that name or pick stores get the list from here: features do not import each other, so the
 * app composes them.
 */
function WithStores({ children }: { children: (stores: StoreList) => ReactNode }) {
  return <>{children(useStores().data)}</>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<ConsoleLayout />}>
        <Route path="sign-in" element={<StaffSignInPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage audience="staff" />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="accept-invitation" element={<AcceptInvitationPage />} />
        <Route element={<RequireStaff />}>
          <Route index element={<WithStores>{(stores) => <HomePage stores={stores} />}</WithStores>} />
          <Route
            path="checkout"
            element={
              <Allowed permission="checkout:earn">
                {(user) => (
                  <WithStores>{(stores) => <CheckoutPage user={user} stores={stores} />}</WithStores>
                )}
              </Allowed>
            }
          />
          <Route
            path="approvals"
            element={
              <Allowed permission="approvals:decide">
                {() => <WithStores>{(stores) => <ApprovalsPage stores={stores} />}</WithStores>}
              </Allowed>
            }
          />
          <Route
            path="claims"
            element={
              <Allowed permission="claims:decide">
                {() => <WithStores>{(stores) => <ClaimsPage stores={stores} />}</WithStores>}
              </Allowed>
            }
          />
          <Route
            path="stores"
            element={<Allowed permission="stores:read">{(user) => <StoresPage user={user} />}</Allowed>}
          />
          <Route
            path="staff"
            element={
              <Allowed permission="staff:read">
                {(user) => <WithStores>{(stores) => <StaffPage user={user} stores={stores} />}</WithStores>}
              </Allowed>
            }
          />
          <Route
            path="pos-keys"
            element={
              <Allowed permission="pos-keys:read">
                {(user) => <WithStores>{(stores) => <PosKeysPage user={user} stores={stores} />}</WithStores>}
              </Allowed>
            }
          />
          <Route
            path="rewards"
            element={<Allowed permission="rewards:manage">{() => <RewardsPage />}</Allowed>}
          />
          <Route
            path="campaigns"
            element={
              <Allowed permission="campaigns:read">
                {(user) => <CampaignsPage canManage={can(user.role, 'campaigns:manage')} />}
              </Allowed>
            }
          />
          <Route
            path="campaigns/new"
            element={<Allowed permission="campaigns:manage">{() => <CampaignEditorPage />}</Allowed>}
          />
          <Route
            path="campaigns/:id"
            element={
              <Allowed permission="campaigns:read">
                {(user) => <CampaignDetailPage canManage={can(user.role, 'campaigns:manage')} />}
              </Allowed>
            }
          />
          <Route
            path="campaigns/:id/edit"
            element={<Allowed permission="campaigns:manage">{() => <CampaignEditorPage />}</Allowed>}
          />
          <Route
            path="segments"
            element={
              <Allowed permission="campaigns:read">
                {(user) => (
                  <WithStores>
                    {(stores) => (
                      <SegmentsPage canManage={can(user.role, 'campaigns:manage')} stores={stores} />
                    )}
                  </WithStores>
                )}
              </Allowed>
            }
          />
          <Route
            path="segments/new"
            element={
              <Allowed permission="campaigns:manage">
                {() => <WithStores>{(stores) => <SegmentEditorPage stores={stores} />}</WithStores>}
              </Allowed>
            }
          />
          <Route
            path="segments/:id"
            element={
              <Allowed permission="campaigns:read">
                {(user) => (
                  <WithStores>
                    {(stores) => (
                      <SegmentDetailPage canManage={can(user.role, 'campaigns:manage')} stores={stores} />
                    )}
                  </WithStores>
                )}
              </Allowed>
            }
          />
          <Route
            path="segments/:id/edit"
            element={
              <Allowed permission="campaigns:manage">
                {() => <WithStores>{(stores) => <SegmentEditorPage stores={stores} />}</WithStores>}
              </Allowed>
            }
          />
          <Route
            path="programme"
            element={
              <Allowed permission="programme:read">
                {(user) => <ProgrammePage canManage={can(user.role, 'programme:manage')} />}
              </Allowed>
            }
          />
          <Route
            path="ideas"
            element={<Allowed permission="ideas:moderate">{() => <IdeasPage />}</Allowed>}
          />
          <Route
            path="ideas/review"
            element={<Allowed permission="ideas:moderate">{() => <ReviewQueuePage />}</Allowed>}
          />
          <Route
            path="ideas/:id"
            element={<Allowed permission="ideas:moderate">{() => <IdeaDetailPage />}</Allowed>}
          />
          <Route
            path="audit"
            element={
              <Allowed permission="audit:read">
                {() => <WithStores>{(stores) => <AuditPage stores={stores} />}</WithStores>}
              </Allowed>
            }
          />
          <Route
            path="reports/liability"
            element={<Allowed permission="reports:read">{() => <LiabilityPage />}</Allowed>}
          />
          <Route path="outbox" element={<Allowed permission="outbox:read">{() => <OutboxPage />}</Allowed>} />
          <Route
            path="webhooks"
            element={<Allowed permission="webhooks:manage">{() => <WebhooksPage />}</Allowed>}
          />
          <Route
            path="ledger"
            element={<Allowed permission="ledger:verify">{() => <LedgerPage />}</Allowed>}
          />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
