import { ForgotPasswordPage, RequireSession, ResetPasswordPage } from '@tally/ui';
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { MemberSignInPage } from '../features/auth/components/member-sign-in-page';
import { HomeRoute } from './home-route';
import { NotFoundPage } from './not-found-page';
import { PortalLayout } from './portal-layout';

// The pages a visitor rarely opens first load on demand, to keep the first download small.
const SignUpPage = lazy(() =>
  import('../features/auth/components/sign-up-page').then((m) => ({ default: m.SignUpPage })),
);
const ProfilePage = lazy(() =>
  import('../features/me/components/profile-page').then((m) => ({ default: m.ProfilePage })),
);

const RewardsPage = lazy(() =>
  import('../features/rewards/components/rewards-page').then((m) => ({ default: m.RewardsPage })),
);
const VouchersPage = lazy(() =>
  import('../features/rewards/components/vouchers-page').then((m) => ({ default: m.VouchersPage })),
);
const StatementPage = lazy(() =>
  import('../features/statement/components/statement-page').then((m) => ({ default: m.StatementPage })),
);
const NotificationsPage = lazy(() =>
  import('../features/notifications/components/notifications-page').then((m) => ({
    default: m.NotificationsPage,
  })),
);
const ReferralsPage = lazy(() =>
  import('../features/referrals/components/referrals-page').then((m) => ({ default: m.ReferralsPage })),
);
const ClaimsPage = lazy(() =>
  import('../features/claims/components/claims-page').then((m) => ({ default: m.ClaimsPage })),
);
const CardRoute = lazy(() =>
  import('../features/card/components/card-route').then((m) => ({ default: m.CardRoute })),
);
const HowItWorksPage = lazy(() =>
  import('../features/programme/components/how-it-works-page').then((m) => ({
    default: m.HowItWorksPage,
  })),
);

const IdeasBoardPage = lazy(() =>
  import('../features/ideas/components/ideas-board-page').then((m) => ({ default: m.IdeasBoardPage })),
);
const SubmitIdeaPage = lazy(() =>
  import('../features/ideas/components/submit-idea-page').then((m) => ({ default: m.SubmitIdeaPage })),
);
const IdeaDetailPage = lazy(() =>
  import('../features/ideas/components/idea-detail-page').then((m) => ({ default: m.IdeaDetailPage })),
);
const RoadmapPage = lazy(() =>
  import('../features/ideas/components/roadmap-page').then((m) => ({ default: m.RoadmapPage })),
);
const ShippedWallPage = lazy(() =>
  import('../features/ideas/components/shipped-wall-page').then((m) => ({ default: m.ShippedWallPage })),
);
const MyImpactPage = lazy(() =>
  import('../features/ideas/components/my-impact-page').then((m) => ({ default: m.MyImpactPage })),
);

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PortalLayout />}>
        <Route index element={<HomeRoute />} />
        <Route path="sign-in" element={<MemberSignInPage />} />
        <Route path="sign-up" element={<SignUpPage />} />
        <Route path="profile" element={<RequireSession>{() => <ProfilePage />}</RequireSession>} />
        <Route path="statement" element={<RequireSession>{() => <StatementPage />}</RequireSession>} />
        <Route path="rewards" element={<RequireSession>{() => <RewardsPage />}</RequireSession>} />
        <Route path="vouchers" element={<RequireSession>{() => <VouchersPage />}</RequireSession>} />
        <Route
          path="notifications"
          element={<RequireSession>{() => <NotificationsPage />}</RequireSession>}
        />
        <Route path="referrals" element={<RequireSession>{() => <ReferralsPage />}</RequireSession>} />
        <Route path="claims" element={<RequireSession>{() => <ClaimsPage />}</RequireSession>} />
        <Route path="card" element={<CardRoute />} />
        <Route path="how-it-works" element={<HowItWorksPage />} />
        <Route path="ideas">
          <Route index element={<IdeasBoardPage />} />
          <Route path="new" element={<RequireSession>{() => <SubmitIdeaPage />}</RequireSession>} />
          <Route path="roadmap" element={<RoadmapPage />} />
          <Route path="shipped" element={<ShippedWallPage />} />
          <Route path="impact" element={<RequireSession>{() => <MyImpactPage />}</RequireSession>} />
          <Route path=":id" element={<IdeaDetailPage />} />
        </Route>
        <Route path="forgot-password" element={<ForgotPasswordPage audience="member" />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
