// New / edit member. The core validates; its per-field errors are shown next to the fields and the
// form keeps everything the clerk typed. A USCC whose prefix does not fit the category is a
// warning shown under the field, never a reason to refuse the save.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Alert, Button, Col, DatePicker, Divider, Drawer, Form, Input, Popconfirm, Row, Select, Space, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_ROLES, ORGANIZATION_CATEGORIES } from '../../../../core/contract/codes';
import type { Warning } from '../../../../core/members/contract';
import { ApiError, call } from '../../api/client';
import { errorText, issueText } from '../../api/errors';
import { overviewKey } from '../../hooks/useOverview';
import { ContactsEditor } from './ContactsEditor';
import { EMPTY_MEMBER, formNamePath, inputFromValues, valuesFromMember, type MemberFormValues } from './memberFormValues';
import { RecordHistory } from '../../components/RecordHistory';
import { MemberAgreements } from './MemberAgreements';
import { StatusChanger } from './StatusChanger';

export interface MemberFormProps {
  open: boolean;
  /** null for a new member. */
  memberId: string | null;
  onClose(): void;
}

export function MemberForm({ open, memberId, onClose }: MemberFormProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<MemberFormValues>();
  const [usccWarning, setUsccWarning] = useState<Warning | null>(null);
  const [failed, setFailed] = useState(false);
  // What the form held when it opened; closing asks before discarding anything different.
  const openedWith = useRef('');
  const snapshot = () => JSON.stringify(form.getFieldsValue(true));

  const member = useQuery({
    queryKey: ['members.get', memberId],
    queryFn: () => call('members.get', { id: memberId! }),
    enabled: open && memberId !== null,
  });

  useEffect(() => {
    if (!open) return;
    setUsccWarning(null);
    setFailed(false);
    form.resetFields();
    form.setFieldsValue(memberId === null ? EMPTY_MEMBER : member.data ? valuesFromMember(member.data) : {});
    openedWith.current = snapshot();
  }, [open, memberId, member.data, form]);

  const invalidate = () => {
    void queryClient.invalidateQueries({ queryKey: ['members.list'] });
    void queryClient.invalidateQueries({ queryKey: ['reports.roster'] });
    void queryClient.invalidateQueries({ queryKey: overviewKey });
    if (memberId) void queryClient.invalidateQueries({ queryKey: ['members.get', memberId] });
  };

  const save = useMutation({
    mutationFn: (values: MemberFormValues) => {
      const input = inputFromValues(values);
      return memberId === null
        ? call('members.create', { ...input, status: values.status === 'applied' || values.status === 'suspended' ? values.status : 'active' })
        : call('members.update', { ...input, id: memberId });
    },
    onSuccess: (saved) => {
      invalidate();
      message.success(t('form.saved', { name: saved.member.name }));
      for (const warning of saved.warnings) message.warning(issueText(t, warning));
      form.resetFields();
      onClose();
    },
    onError: (error, values) => {
      setFailed(true);
      const fields = error instanceof ApiError ? error.shape.details?.fields : undefined;
      if (fields) {
        // Only the errors change: every value stays as typed.
        form.setFields(Object.entries(fields).map(([path, issue]) => ({ name: formNamePath(path, values) as never, errors: [issueText(t, issue)] })));
        const first = Object.keys(fields)[0];
        if (first) form.scrollToField(formNamePath(first, values) as never, { block: 'center' });
      }
      message.error(fields ? t('form.fixErrors') : errorText(t, error));
    },
  });

  const checkUscc = async () => {
    const uscc = form.getFieldValue('uscc') as string | undefined;
    setUsccWarning(null);
    if (!uscc || !uscc.trim()) return;
    try {
      const check = await call('members.checkUscc', { uscc, category: form.getFieldValue('category') });
      if (check.normalised !== uscc) form.setFieldValue('uscc', check.normalised);
      if (check.valid) {
        form.setFields([{ name: 'uscc', errors: [] }]);
        setUsccWarning(check.warning);
      }
    } catch {
      // The save will report the problem; a failed check must not block typing.
    }
  };

  const requestClose = () => {
    if (snapshot() === openedWith.current) return onClose();
    modal.confirm({
      title: t('form.discardTitle'),
      content: t('form.discardBody'),
      okText: t('form.discard'),
      cancelText: t('form.keepEditing'),
      okButtonProps: { danger: true },
      // Back in the form, so typing (and Esc) work again without reaching for the mouse.
      afterClose: () => (form.getFieldInstance('name') as HTMLInputElement | undefined)?.focus(),
      onOk: () => {
        form.resetFields();
        onClose();
      },
    });
  };

  const remove = useMutation({
    mutationFn: () => call('members.delete', { id: memberId! }),
    onSuccess: () => {
      message.success(t('form.deleted', { name: member.data?.name ?? '' }));
      // The record is gone: drop it rather than ask the core for it again.
      queryClient.removeQueries({ queryKey: ['members.get', memberId] });
      for (const key of [['members.list'], ['reports.roster'], overviewKey]) void queryClient.invalidateQueries({ queryKey: key });
      onClose();
    },
    onError: (error) => message.error(errorText(t, error)),
  });

  const loading = memberId !== null && member.isPending;
  const isNew = memberId === null;

  return (
    <Drawer
      open={open}
      onClose={requestClose}
      keyboard
      width={760}
      title={isNew ? t('form.newTitle') : t('form.editTitle')}
      destroyOnHidden={false}
      extra={
        <Space>
          <Button onClick={requestClose}>{t('form.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} loading={save.isPending} disabled={loading}>
            {t('form.save')}
          </Button>
        </Space>
      }
    >
      {loading ? (
        <Spin />
      ) : member.isError ? (
        <Alert type="error" showIcon message={errorText(t, member.error)} />
      ) : (
        <Form<MemberFormValues>
          form={form}
          name="member"
          layout="vertical"
          onFinish={(values) => save.mutate(values)}
          onValuesChange={(changed) => {
            if ('uscc' in changed) setUsccWarning(null);
            if ('category' in changed && form.getFieldValue('uscc')) void checkUscc();
          }}
        >
          {failed && save.isError && <Alert type="error" showIcon message={t('form.fixErrors')} style={{ marginBottom: 16 }} />}
          <Row gutter={16}>
            <Col span={24}>
              <Form.Item name="name" label={t('form.name')} required>
                <Input maxLength={200} autoFocus={isNew} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="category" label={t('form.category')} required>
                <Select showSearch={{ optionFilterProp: 'label' }} options={ORGANIZATION_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="role" label={t('form.role')}>
                <Select options={MEMBER_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="uscc"
                label={t('form.uscc')}
                validateStatus={usccWarning ? 'warning' : undefined}
                help={usccWarning ? <span data-testid="uscc-warning">{issueText(t, usccWarning)}</span> : undefined}
              >
                <Input placeholder={t('form.usccPlaceholder')} maxLength={40} onBlur={() => void checkUscc()} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="shortName" label={t('form.shortName')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="joinDate" label={t('form.joinDate')}>
                <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
              </Form.Item>
            </Col>
            {isNew && (
              <Col span={12}>
                <Form.Item name="status" label={t('form.status')}>
                  <Select options={(['applied', 'active', 'suspended'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))} />
                </Form.Item>
              </Col>
            )}
            <Col span={24}>
              <Form.Item name="aliases" label={t('form.aliases')}>
                <Select mode="tags" open={false} placeholder={t('form.aliasesPlaceholder')} tokenSeparators={[',', '，', '、']} />
              </Form.Item>
            </Col>
          </Row>

          <Divider titlePlacement="start">{t('form.contacts')}</Divider>
          <ContactsEditor form={form} />

          <Divider titlePlacement="start">{t('form.basics')}</Divider>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="legalRepresentative" label={t('form.legalRepresentative')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="postcode" label={t('form.postcode')}>
                <Input maxLength={10} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="address" label={t('form.address')}>
                <Input maxLength={300} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="website" label={t('form.website')}>
                <Input maxLength={300} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="pinyinOverride" label={t('form.pinyinOverride')} extra={t('form.pinyinOverrideHelp')}>
                <Input maxLength={500} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="notes" label={t('form.notes')}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      )}

      {!isNew && member.data && (
        <>
          <Divider titlePlacement="start">{t('agreements.memberAgreements')}</Divider>
          <MemberAgreements memberId={member.data.id} />
          <Divider titlePlacement="start">{t('history.title')}</Divider>
          <RecordHistory entity="organization" id={member.data.id} />
          <Divider titlePlacement="start">{t('form.membership')}</Divider>
          <StatusChanger member={member.data} onChanged={invalidate} />
          <Divider />
          <Space style={{ justifyContent: 'space-between', width: '100%' }}>
            <Typography.Text type="secondary">{t('form.createdAt', { at: member.data.createdAt.slice(0, 10) })}</Typography.Text>
            <Popconfirm title={t('form.deleteConfirm', { name: member.data.name })} onConfirm={() => remove.mutate()} okButtonProps={{ danger: true }}>
              <Button danger loading={remove.isPending}>
                {t('form.delete')}
              </Button>
            </Popconfirm>
          </Space>
        </>
      )}
    </Drawer>
  );
}
