// On a member's page: the agreements it is party to.
import { List } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/queries';
import { hrefFor } from '../../hooks/useHashRoute';
import { AgreementStateTag } from '../../components/AgreementStateTag';

export function MemberAgreements({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const list = useApiQuery('agreements.list', { organizationId: memberId, limit: 20 });
  return (
    <List
      size="small"
      loading={list.isPending}
      dataSource={list.data?.rows ?? []}
      locale={{ emptyText: t('agreements.memberAgreementsNone') }}
      data-testid="member-agreements"
      footer={list.data && list.data.total > 0 ? <a href={hrefFor('agreements', { member: memberId })}>{t('agreements.showAll')}（{list.data.total}）</a> : undefined}
      renderItem={(a) => (
        <List.Item extra={<AgreementStateTag state={a.state} />}>
          {a.number} {a.title}
        </List.Item>
      )}
    />
  );
}
