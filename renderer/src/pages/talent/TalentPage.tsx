// Talent supply and demand published by members, with a small form for adding and editing items.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Empty, Form, Input, InputNumber, Modal, Row, Segmented, Space, Table, Tag } from 'antd';
import { useDeferredValue, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TALENT_DIRECTIONS, type TalentDirection } from '../../../../core/contract/codes';
import type { TalentItem } from '../../../../core/talent/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { showFieldErrors } from '../../api/formErrors';
import { EventSelect } from '../../components/EventSelect';
import { MemberSelect } from '../../components/MemberSelect';

interface TalentValues {
  organizationId?: string | null;
  eventId?: string | null;
  direction?: TalentDirection;
  field?: string;
  level?: string;
  headcount?: number | null;
  period?: string;
  notes?: string;
}

function TalentForm({ item, open, onClose }: { item: TalentItem | null; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TalentValues>();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(item ? { ...item, level: item.level ?? undefined, period: item.period ?? undefined, notes: item.notes ?? undefined } : { direction: 'demand' });
  }, [open, item, form]);
  const done = (text: string) => {
    message.success(text);
    void queryClient.invalidateQueries({ queryKey: ['talent.list'] });
    onClose();
  };
  const save = useMutation({
    mutationFn: (v: TalentValues) => {
      const input = {
        organizationId: v.organizationId ?? '',
        eventId: v.eventId ?? null,
        direction: v.direction ?? 'demand',
        field: v.field ?? '',
        level: v.level ?? null,
        headcount: v.headcount ?? null,
        period: v.period ?? null,
        notes: v.notes ?? null,
      };
      return item ? call('talent.update', { ...input, id: item.id }) : call('talent.create', input);
    },
    onSuccess: () => done(t('talent.form.saved')),
    onError: (error) => (showFieldErrors(form, error, t) ? message.error(t('form.fixErrors')) : message.error(errorText(t, error))),
  });
  const remove = useMutation({ mutationFn: () => call('talent.delete', { id: item!.id }), onSuccess: () => done(t('talent.form.deleted')), onError: (e) => message.error(errorText(t, e)) });
  return (
    <Modal
      open={open}
      onCancel={onClose}
      width={720}
      title={item ? t('talent.form.editTitle') : t('talent.form.newTitle')}
      footer={[
        item && (
          <Button key="delete" danger onClick={() => remove.mutate()} loading={remove.isPending}>
            {t('talent.form.delete')}
          </Button>
        ),
        <Button key="cancel" onClick={onClose}>
          {t('form.cancel')}
        </Button>,
        <Button key="save" type="primary" onClick={() => form.submit()} loading={save.isPending}>
          {t('form.save')}
        </Button>,
      ]}
    >
      <Form<TalentValues> form={form} name="talent" layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="direction" label={t('talent.col.direction')}>
              <Segmented options={TALENT_DIRECTIONS.map((d) => ({ value: d, label: t(`talentDirection.${d}`) }))} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="organizationId" label={t('talent.col.organization')} required>
              <MemberSelect knownNames={item ? { [item.organizationId]: item.organizationName } : {}} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="field" label={t('talent.col.field')} required>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="level" label={t('talent.col.level')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="headcount" label={t('talent.col.headcount')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="period" label={t('talent.col.period')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="eventId" label={t('talent.col.event')}>
              <EventSelect />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="notes" label={t('talent.col.notes')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

export function TalentPage() {
  const { t } = useTranslation();
  const [direction, setDirection] = useState<TalentDirection | 'all'>('all');
  const [text, setText] = useState('');
  const [editing, setEditing] = useState<{ open: boolean; item: TalentItem | null }>({ open: false, item: null });
  const deferred = useDeferredValue(text);
  const input = { direction: direction === 'all' ? undefined : direction, text: deferred.trim() || undefined };
  const list = useQuery({ queryKey: ['talent.list', input], queryFn: () => call('talent.list', input) });
  return (
    <div style={{ padding: '12px 16px', overflow: 'auto' }}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={direction}
          onChange={(v) => setDirection(v as TalentDirection | 'all')}
          options={[{ value: 'all', label: t('dashboard.total') }, ...TALENT_DIRECTIONS.map((d) => ({ value: d, label: t(`talentDirection.${d}`) }))]}
        />
        <Input.Search allowClear value={text} onChange={(e) => setText(e.target.value)} placeholder={t('talent.searchPlaceholder')} aria-label={t('talent.searchPlaceholder')} style={{ width: 280 }} />
        <Button type="primary" onClick={() => setEditing({ open: true, item: null })}>
          {t('talent.new')}
        </Button>
      </Space>
      <Table<TalentItem>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: list.isError ? errorText(t, list.error) : <Empty description={t('talent.empty')} /> }}
        onRow={(item) => ({ onClick: () => setEditing({ open: true, item }), style: { cursor: 'pointer' } })}
        columns={[
          { key: 'direction', title: t('talent.col.direction'), dataIndex: 'direction', width: 80, render: (d: TalentDirection) => <Tag color={d === 'supply' ? 'blue' : 'orange'}>{t(`talentDirection.${d}`)}</Tag> },
          { key: 'organization', title: t('talent.col.organization'), dataIndex: 'organizationName' },
          { key: 'field', title: t('talent.col.field'), dataIndex: 'field' },
          { key: 'level', title: t('talent.col.level'), dataIndex: 'level', width: 110 },
          { key: 'headcount', title: t('talent.col.headcount'), dataIndex: 'headcount', width: 90 },
          { key: 'period', title: t('talent.col.period'), dataIndex: 'period', width: 130 },
          { key: 'event', title: t('talent.col.event'), dataIndex: 'eventTitle', ellipsis: true },
        ]}
      />
      <TalentForm open={editing.open} item={editing.item} onClose={() => setEditing((e) => ({ ...e, open: false }))} />
    </div>
  );
}
