// A term's composition: each member's role in the term. A role chosen here is a correction of the
// composition (in the current term, the member's role today); dated changes go to 届中变动.
import { App, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_ROLES, type MemberRole } from '../../../../core/contract/codes';
import type { TermDetail, TermSeat } from '../../../../core/terms/contract';
import { errorText } from '../../api/errors';
import { useApiMutation } from '../../api/queries';
import { MemberSelect } from '../../components/MemberSelect';

const SEAT_ROLES = MEMBER_ROLES.filter((r) => r !== 'member');

export function SeatsTable({ term }: { term: TermDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [adding, setAdding] = useState<{ organizationId: string | null; role: MemberRole }>({ organizationId: null, role: 'council' });
  const setSeat = useApiMutation('terms.setSeat', { onError: (error) => message.error(errorText(t, error)) });
  const save = (organizationId: string, role: MemberRole) => {
    if (!setSeat.isPending) setSeat.mutate({ termId: term.id, organizationId, role });
  };
  const roleOptions = SEAT_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <MemberSelect aria-label={t('council.addMember')} placeholder={t('council.addMember')} value={adding.organizationId} onChange={(organizationId) => setAdding((a) => ({ ...a, organizationId }))} style={{ width: 320 }} />
        <Select<MemberRole> aria-label={t('council.role')} value={adding.role} onChange={(role) => setAdding((a) => ({ ...a, role }))} options={roleOptions} style={{ width: 180 }} />
        <Button
          disabled={!adding.organizationId}
          loading={setSeat.isPending}
          onClick={() => {
            save(adding.organizationId!, adding.role);
            setAdding((a) => ({ ...a, organizationId: null }));
          }}
        >
          {t('council.addSeat')}
        </Button>
        <Typography.Text type="secondary">{term.state === 'current' ? t('council.seatHintCurrent') : t('council.seatHint')}</Typography.Text>
      </Space>
      <Table<TermSeat>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={term.seats}
        locale={{ emptyText: t('council.noSeats') }}
        columns={[
          { key: 'seq', title: t('members.col.seq'), width: 60, render: (_v, _s, i) => i + 1 },
          { key: 'name', title: t('members.col.name'), dataIndex: 'name', render: (name: string, seat) => (seat.status === 'withdrawn' || seat.status === 'expelled' ? <>{name} <Tag>{t(`status.${seat.status}`)}</Tag></> : name) },
          { key: 'category', title: t('members.col.category'), dataIndex: 'category', width: 130, render: (c: string) => t(`category.${c}`) },
          {
            key: 'role',
            title: t('council.role'),
            width: 200,
            render: (_v, seat) =>
              seat.toDate === null ? (
                <Select<MemberRole>
                  aria-label={t('council.roleOf', { name: seat.name })}
                  size="small"
                  value={seat.role}
                  style={{ width: 170 }}
                  onChange={(role) => save(seat.organizationId, role)}
                  options={[...roleOptions, { value: 'member', label: t('council.removeSeat') }]}
                />
              ) : (
                t(`role.${seat.role}`)
              ),
          },
          { key: 'from', title: t('council.fromCol'), dataIndex: 'fromDate', width: 110, render: (d: string | null) => d ?? term.startDate ?? '' },
          { key: 'to', title: t('council.toCol'), dataIndex: 'toDate', width: 110, render: (d: string | null) => d ?? term.endDate ?? '' },
        ]}
      />
    </>
  );
}
