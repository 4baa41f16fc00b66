// Mid-term changes (增补, 调整, 退出) of a term: the list, a form to record one with its date, reason
// and approving meeting, and taking back a member's latest change recorded by mistake.
import { App, Button, DatePicker, Form, Input, Popconfirm, Radio, Select, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { MEMBER_ROLES, TERM_CHANGE_KINDS, type MemberRole, type TermChangeKind } from '../../../../core/contract/codes';
import type { TermChange, TermDetail } from '../../../../core/terms/contract';
import { errorText } from '../../api/errors';
import { clearChangedErrors, showFieldErrors } from '../../api/formErrors';
import { useApiMutation } from '../../api/queries';
import { EventSelect } from '../../components/EventSelect';
import { MemberSelect } from '../../components/MemberSelect';

interface ChangeValues {
  kind: TermChangeKind;
  organizationId: string | null;
  role: MemberRole | null;
  date: Dayjs | null;
  reason: string;
  eventId: string | null;
}

export function TermChanges({ term }: { term: TermDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangeValues>();
  const kind = Form.useWatch('kind', form) ?? 'add';
  const record = useApiMutation('terms.recordChange', {
    onSuccess: () => {
      message.success(t('council.changeRecorded'));
      // The reason is the one thing a next change never shares; date, meeting and unit stay as typed
      // (clearing the unit made antd flag it "required" at once, before the clerk touched it).
      form.setFieldValue('reason', '');
    },
    onError: (error) => {
      if (showFieldErrors(form, error, t)) message.error(t('form.fixErrors'));
      else message.error(errorText(t, error));
    },
  });
  const undo = useApiMutation('terms.undoChange', { onSuccess: () => message.success(t('council.changeUndone')), onError: (error) => message.error(errorText(t, error)) });
  const latestOf = new Map<string, string>();
  for (const c of term.changes) latestOf.set(c.organizationId, c.id);
  return (
    <>
      {term.state === 'current' && (
        <Form<ChangeValues>
          form={form}
          onValuesChange={(changed) => clearChangedErrors(form, changed)}
          // Enter in a field (a date typed, say) confirms the field, never the whole form.
          onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT' && e.preventDefault()}
          layout="inline"
          style={{ marginBottom: 16, rowGap: 8 }}
          initialValues={{ kind: 'add', date: dayjs(), reason: '', organizationId: null, role: 'council', eventId: null }}
          onFinish={(v) => {
            if (record.isPending) return;
            record.mutate({ termId: term.id, kind: v.kind, organizationId: v.organizationId ?? '', role: v.kind === 'leave' ? null : v.role, date: v.date ? v.date.format('YYYY-MM-DD') : '', reason: v.reason || null, eventId: v.eventId ?? null });
          }}
        >
          <Form.Item name="kind">
            <Radio.Group optionType="button" options={TERM_CHANGE_KINDS.map((k) => ({ value: k, label: t(`termChange.${k}`) }))} />
          </Form.Item>
          <Form.Item name="organizationId" label={t('council.changeMember')} rules={[{ required: true, message: t('validation.required') }]}>
            <MemberSelect aria-label={t('council.changeMember')} style={{ width: 260 }} />
          </Form.Item>
          {kind !== 'leave' && (
            <Form.Item name="role" label={t('council.newRole')} rules={[{ required: true, message: t('validation.required') }]}>
              <Select<MemberRole> aria-label={t('council.newRole')} style={{ width: 170 }} options={MEMBER_ROLES.filter((r) => r !== 'member').map((r) => ({ value: r, label: t(`role.${r}`) }))} />
            </Form.Item>
          )}
          <Form.Item name="date" label={t('council.changeDate')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker aria-label={t('council.changeDate')} />
          </Form.Item>
          <Form.Item name="reason" label={t('council.reason')}>
            <Input aria-label={t('council.reason')} maxLength={500} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="eventId" label={t('council.approvedAt')}>
            <EventSelect aria-label={t('council.approvedAt')} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={record.isPending}>
              {t('council.recordChange')}
            </Button>
          </Form.Item>
        </Form>
      )}
      <Table<TermChange>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={term.changes}
        locale={{ emptyText: t('council.noChanges') }}
        columns={[
          { key: 'date', title: t('council.changeDate'), dataIndex: 'date', width: 110 },
          { key: 'kind', title: t('council.changeKind'), dataIndex: 'kind', width: 80, render: (k: TermChangeKind) => t(`termChange.${k}`) },
          { key: 'name', title: t('members.col.name'), dataIndex: 'organizationName' },
          { key: 'roles', title: t('council.role'), width: 260, render: (_v, c) => [c.roleBefore && t(`role.${c.roleBefore}`), c.roleAfter ? t(`role.${c.roleAfter}`) : t('termChange.leave')].filter(Boolean).join(' → ') },
          { key: 'reason', title: t('council.reason'), dataIndex: 'reason' },
          { key: 'event', title: t('council.approvedAt'), dataIndex: 'eventTitle' },
          {
            key: 'undo',
            width: 90,
            render: (_v, c) =>
              term.state === 'current' && latestOf.get(c.organizationId) === c.id ? (
                <Popconfirm title={t('council.undoConfirm')} onConfirm={() => undo.mutateAsync({ id: c.id })}>
                  <Button size="small">{t('council.undo')}</Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </>
  );
}
