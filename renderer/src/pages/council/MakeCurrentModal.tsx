// 换届's last step: the draft becomes the current term from its electing meeting; the current term
// closes the day before and every member's role follows the new composition.
import { App, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TermSummary } from '../../../../core/terms/contract';
import { errorText } from '../../api/errors';
import { showFieldErrors } from '../../api/formErrors';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { EventSelect } from '../../components/EventSelect';
import { termLabel } from './term-label';

export function MakeCurrentModal({ open, draft, onClose }: { open: boolean; draft: TermSummary; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ startDate: Dayjs | null; electedEventId: string | null }>();
  const events = useApiQuery('events.list', {});
  const make = useApiMutation('terms.makeCurrent', {
    onSuccess: (term) => {
      message.success(t('council.madeCurrent', { name: termLabel(t, term) }));
      onClose();
    },
    onError: (error) => {
      if (!showFieldErrors(form, error, t)) message.error(errorText(t, error));
    },
  });
  return (
    <Modal
      open={open}
      title={t('council.makeCurrentTitle', { name: termLabel(t, draft) })}
      okText={t('council.makeCurrent')}
      confirmLoading={make.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('council.makeCurrentHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ startDate: dayjs(), electedEventId: null }}
        onFinish={(v) => !make.isPending && make.mutate({ id: draft.id, startDate: v.startDate?.format('YYYY-MM-DD') ?? '', electedEventId: v.electedEventId ?? null })}
      >
        <Form.Item name="electedEventId" label={t('field.term.electedEventId')}>
          <EventSelect
            aria-label={t('field.term.electedEventId')}
            onChange={(id) => {
              form.setFieldValue('electedEventId', id);
              // The term starts on its electing meeting's day, unless the clerk says otherwise.
              const date = events.data?.find((e) => e.id === id)?.date;
              if (date) form.setFieldValue('startDate', dayjs(date.slice(0, 10)));
            }}
          />
        </Form.Item>
        <Form.Item name="startDate" label={t('field.term.startDate')} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker aria-label={t('field.term.startDate')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
