// Membership status: withdrawing or expelling needs a date and a reason (the core insists).
import { App, Button, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { MEMBER_STATUSES, type MemberStatus } from '../../../../core/contract/codes';
import type { Member } from '../../../../core/members/contract';
import { ApiError } from '../../api/client';
import { useApiMutation } from '../../api/queries';
import { errorText, issueText } from '../../api/errors';

interface StatusValues {
  status: MemberStatus;
  date?: Dayjs | null;
  reason?: string;
}

export function StatusChanger({ member }: { member: Member }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<StatusValues>();
  const change = useApiMutation('members.setStatus', {
    onSuccess: (updated) => {
      message.success(t('form.statusChanged', { status: t(`status.${updated.status}`) }));
    },
    onError: (error) => {
      const fields = error instanceof ApiError ? error.shape.details?.fields : undefined;
      if (fields) form.setFields(Object.entries(fields).map(([name, issue]) => ({ name: name as keyof StatusValues, errors: [issueText(t, issue)] })));
      else message.error(errorText(t, error));
    },
  });
  return (
    <Form<StatusValues> form={form} name="status" layout="vertical" initialValues={{ status: member.status }} onFinish={(v) => change.mutate({ id: member.id, status: v.status, date: v.date?.format('YYYY-MM-DD') ?? null, reason: v.reason ?? null })}>
      <Row gutter={12} align="bottom">
        <Col span={6}>
          <Form.Item name="status" label={t('field.organization.status')}>
            <Select options={MEMBER_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="date" label={t('form.exitDate')}>
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="reason" label={t('form.exitReason')}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item>
            <Button htmlType="submit" loading={change.isPending}>
              {t('form.applyStatus')}
            </Button>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
