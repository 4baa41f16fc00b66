// The app frame: navigation on the left, the sample-data banner and language switch on top.
import { App as AntApp, Alert, Button, ConfigProvider, Layout, Menu, Segmented, Spin, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { switchLanguage, type Language } from './i18n';
import { useHashRoute, type Page } from './hooks/useHashRoute';
import { useOverview } from './hooks/useOverview';
import { useRemoveSample } from './hooks/useSample';
import { RecoveryPage } from './pages/data/RecoveryPage';
import { MembersPage } from './pages/members/MembersPage';
import { WelcomePage } from './pages/welcome/WelcomePage';
import { errorText } from './api/errors';
import 'dayjs/locale/zh-cn';

// Pages other than the member register load when first opened, so the app starts sooner.
const AgreementsPage = lazy(() => import('./pages/agreements/AgreementsPage').then((m) => ({ default: m.AgreementsPage })));
const CeremonyPage = lazy(() => import('./pages/ceremony/CeremonyPage').then((m) => ({ default: m.CeremonyPage })));
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const DataPage = lazy(() => import('./pages/data/DataPage').then((m) => ({ default: m.DataPage })));
const HistoryPage = lazy(() => import('./pages/history/HistoryPage').then((m) => ({ default: m.HistoryPage })));
const EventsPage = lazy(() => import('./pages/events/EventsPage').then((m) => ({ default: m.EventsPage })));
const CouncilPage = lazy(() => import('./pages/council/CouncilPage').then((m) => ({ default: m.CouncilPage })));
const ProjectsPage = lazy(() => import('./pages/projects/ProjectsPage').then((m) => ({ default: m.ProjectsPage })));
const AwardsPage = lazy(() => import('./pages/awards/AwardsPage').then((m) => ({ default: m.AwardsPage })));
const ReportPage = lazy(() => import('./pages/report/ReportPage').then((m) => ({ default: m.ReportPage })));
const TalentPage = lazy(() => import('./pages/talent/TalentPage').then((m) => ({ default: m.TalentPage })));
const AlliancePage = lazy(() => import('./pages/alliance/AlliancePage').then((m) => ({ default: m.AlliancePage })));

export function App() {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'zh';
  return (
    <ConfigProvider locale={language === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#1f5fa8', borderRadius: 4 } }}>
      {/* Full height: without it the layout grows with the member table and the virtualizer renders every row. */}
      <AntApp style={{ height: '100%' }}>
        <Frame language={language} title={t('app.title')} />
      </AntApp>
    </ConfigProvider>
  );
}

function Frame({ language, title }: { language: Language; title: string }) {
  const { t } = useTranslation();
  const [route, navigate] = useHashRoute();
  const { page, params } = route;
  const overview = useOverview();
  const removeSample = useRemoveSample();

  if (overview.isPending) return <Spin fullscreen tip={t('app.loading')} />;
  if (overview.isError) return <Alert type="error" showIcon message={errorText(t, overview.error)} style={{ margin: 24 }} />;

  const { profile, memberCount, sampleMemberCount, health, dataFile } = overview.data;
  const firstRun = !profile && memberCount === 0;
  if (health.state === 'damaged') return <RecoveryPage health={health} dataFile={dataFile} />;

  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#fff', borderBottom: '1px solid #e5e5e5', paddingInline: 20 }}>
        <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }}>
          {title}
        </Typography.Title>
        <Typography.Text type="secondary" ellipsis style={{ flex: 1 }} data-testid="alliance-name">
          {profile?.name}
        </Typography.Text>
        <Segmented
          aria-label={t('app.language')}
          value={language}
          onChange={(value) => void switchLanguage(value as Language)}
          options={[
            { label: '中文', value: 'zh' },
            { label: 'English', value: 'en' },
          ]}
        />
      </Layout.Header>
      <Layout style={{ flex: 1, minHeight: 0 }}>
        {!firstRun && (
          <Layout.Sider width={180} theme="light" style={{ borderRight: '1px solid #e5e5e5' }}>
            <Menu
              mode="inline"
              selectedKeys={[page === 'ceremony' ? 'events' : page]}
              onClick={({ key }) => navigate(key as typeof page)}
              items={(['dashboard', 'members', 'council', 'agreements', 'projects', 'awards', 'events', 'talent', 'report', 'history', 'data', 'alliance'] as const).map((key) => ({ key, label: t(`nav.${key}`) }))}
            />
          </Layout.Sider>
        )}
        <Layout.Content style={{ display: 'flex', flexDirection: 'column', minWidth: 0, overflow: 'hidden' }}>
          {sampleMemberCount > 0 && (
            <Alert
              type="warning"
              banner
              data-testid="sample-banner"
              message={t('app.sampleBanner', { count: sampleMemberCount })}
              action={
                <Button size="small" onClick={removeSample.ask} loading={removeSample.loading}>
                  {t('sample.remove')}
                </Button>
              }
            />
          )}
          {firstRun ? (
            <WelcomePage />
          ) : (
            <Suspense fallback={<Spin style={{ margin: 40 }} />}>
              <PageView page={page} params={params} navigate={navigate} />
            </Suspense>
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function PageView({ page, params, navigate }: { page: Page; params: URLSearchParams; navigate: (page: Page, params?: Record<string, string | undefined>) => void }) {
  // Keyed by the address, so a link with new filters (from the dashboard) starts the page afresh.
  const key = `${page}?${params.toString()}`;
  switch (page) {
    case 'dashboard':
      return <DashboardPage />;
    case 'agreements':
      return <AgreementsPage key={key} params={params} />;
    case 'events':
      return <EventsPage key={key} params={params} />;
    case 'ceremony':
      return <CeremonyPage params={params} navigate={navigate} />;
    case 'council':
      return <CouncilPage />;
    case 'projects':
      return <ProjectsPage />;
    case 'awards':
      return <AwardsPage />;
    case 'report':
      return <ReportPage />;
    case 'talent':
      return <TalentPage />;
    case 'alliance':
      return <AlliancePage />;
    case 'history':
      return <HistoryPage />;
    case 'data':
      return <DataPage />;
    case 'members':
      return <MembersPage key={key} params={params} />;
  }
}
