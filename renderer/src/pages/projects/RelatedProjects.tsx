// On an agreement's or a member's page: its cooperation projects, each opening the projects page.
import { List } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/queries';
import { hrefFor } from '../../hooks/useHashRoute';
import { projectKindLabel } from './projectKinds';

export function RelatedProjects(props: { agreementId?: string; organizationId?: string }) {
  const { t } = useTranslation();
  const list = useApiQuery('projects.list', { agreementId: props.agreementId, organizationId: props.organizationId });
  return (
    <List
      size="small"
      loading={list.isPending}
      dataSource={list.data ?? []}
      data-testid="related-projects"
      locale={{ emptyText: t('projects.none') }}
      footer={list.data && list.data.length > 0 ? <a href={hrefFor('projects')}>{t('projects.openPage')}</a> : undefined}
      renderItem={(p) => (
        <List.Item extra={projectKindLabel(t, p.kind)}>
          {p.name}
          {p.years.length > 0 && `（${p.years[0]}${p.years.length > 1 ? `—${p.years.at(-1)}` : ''}）`}
        </List.Item>
      )}
    />
  );
}
