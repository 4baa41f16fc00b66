// On a member's page: its council roles across terms (职务沿革), each span with the change that began it.
import { List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/queries';
import { hrefFor } from '../../hooks/useHashRoute';
import { TERM_STATE_COLORS, termLabel } from '../council/term-label';

export function MemberRoleHistory({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const spans = useApiQuery('terms.roleHistory', { organizationId: memberId });
  return (
    <List
      size="small"
      loading={spans.isPending}
      dataSource={spans.data ?? []}
      locale={{ emptyText: t('council.noRoleHistory') }}
      data-testid="member-role-history"
      renderItem={(span) => (
        <List.Item extra={<Tag color={TERM_STATE_COLORS[span.termState]}>{t(`termState.${span.termState}`)}</Tag>}>
          <a href={hrefFor('council')}>{termLabel(t, { ordinal: span.termOrdinal })}</a> {t(`role.${span.role}`)}
          {' '}
          {span.fromDate ?? '…'} — {span.toDate ?? t('council.spanNow')}
          {span.change && ` · ${t(`termChange.${span.change.kind}`)}${span.change.reason ? `：${span.change.reason}` : ''}${span.change.eventTitle ? `（${span.change.eventTitle}）` : ''}`}
        </List.Item>
      )}
    />
  );
}
