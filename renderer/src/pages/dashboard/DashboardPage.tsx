// The secretariat's overview: every number links to the list behind it.
import { Alert, Card, Col, Empty, List, Row, Spin, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventRow } from '../../../../core/events/contract';
import { useApiQuery } from '../../api/queries';
import { errorText } from '../../api/errors';
import { hrefFor } from '../../hooks/useHashRoute';
import { AgreementStateTag } from '../../components/AgreementStateTag';
import { YearView } from './YearView';

function EventList({ events }: { events: EventRow[] }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      dataSource={events}
      locale={{ emptyText: t('dashboard.noEvents') }}
      renderItem={(e) => (
        <List.Item>
          <a href={hrefFor('events', { open: e.id })}>
            {e.date} {e.title}
          </a>
        </List.Item>
      )}
    />
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const summary = useApiQuery('dashboard.summary', {});
  if (summary.isPending) return <Spin style={{ margin: 40 }} />;
  if (summary.isError) return <Alert type="error" showIcon message={errorText(t, summary.error)} style={{ margin: 24 }} />;
  const d = summary.data;
  const memberTotal = d.membersByCategory.reduce((s, c) => s + c.count, 0);
  return (
    <div style={{ padding: 20, overflow: 'auto' }} data-testid="dashboard">
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Card title={t('dashboard.members')} extra={<a href={hrefFor('members')}>{t('dashboard.total')} {memberTotal}</a>}>
            <Row gutter={16}>
              {d.membersByCategory.map((c) => (
                <Col key={c.category} span={4}>
                  <a href={hrefFor('members', { category: c.category })} data-testid={`members-${c.category}`}>
                    <Statistic title={t(`categoryGroup.${c.category}`)} value={c.count} />
                  </a>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
        <Col span={12}>
          <Card title={t('dashboard.agreementsByType')}>
            <Row gutter={16}>
              {d.agreementsByType.map((a) => (
                <Col key={a.type} span={6}>
                  <a href={hrefFor('agreements', { type: a.type })}>
                    <Statistic title={t(`agreementType.${a.type}`)} value={a.count} />
                  </a>
                </Col>
              ))}
              {d.agreementsByType.length === 0 && <Empty description={t('agreements.empty')} />}
            </Row>
          </Card>
        </Col>
        <Col span={12}>
          <Card title={t('dashboard.agreementsByState')}>
            <Row gutter={16}>
              {d.agreementsByState.map((a) => (
                <Col key={a.state} span={4}>
                  <a href={hrefFor('agreements', { state: a.state })} data-testid={`agreements-${a.state}`}>
                    <Statistic title={t(`agreementState.${a.state}`)} value={a.count} />
                  </a>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
        <Col span={12}>
          <Card title={t('dashboard.expiring')} extra={<a href={hrefFor('agreements', { state: 'expiring' })}>{t('agreements.showAll')}</a>}>
            <List
              size="small"
              dataSource={d.expiring}
              locale={{ emptyText: t('dashboard.noneExpiring') }}
              renderItem={(a) => (
                <List.Item extra={<AgreementStateTag state={a.state} />}>
                  {a.expiresOn} {a.number} {a.title}
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card title={t('dashboard.recentEvents')}>
            <EventList events={d.recentEvents} />
          </Card>
        </Col>
        <Col span={6}>
          <Card title={t('dashboard.comingEvents')}>
            <EventList events={d.comingEvents} />
          </Card>
        </Col>
        <Col span={24}>
          <YearView />
        </Col>
      </Row>
    </div>
  );
}
