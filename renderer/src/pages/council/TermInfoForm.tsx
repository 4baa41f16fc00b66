// A term's own facts: its number, dates, the meeting that elected it, notes.
import { App, Button, DatePicker, Form, Input, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TermDetail } from '../../../../core/terms/contract';
import { errorText } from '../../api/errors';
import { clearChangedErrors, showFieldErrors } from '../../api/formErrors';
import { useApiMutation } from '../../api/queries';
import { EventSelect } from '../../components/EventSelect';

interface TermValues {
  ordinal: number | null;
  startDate: Dayjs | null;
  endDate: Dayjs | null;
  electedEventId: string | null;
  notes: string;
}

export function TermInfoForm({ term }: { term: TermDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TermValues>();
  const save = useApiMutation('terms.update', {
    onSuccess: () => message.success(t('council.termSaved')),
    onError: (error) => {
      if (showFieldErrors(form, error, t)) message.error(t('form.fixErrors'));
      else message.error(errorText(t, error));
    },
  });
  return (
    <Form<TermValues>
      form={form}
      onValuesChange={(changed) => clearChangedErrors(form, changed)}
      // Enter in a field (a date typed, say) confirms the field, never the whole form.
      onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT' && e.preventDefault()}
      layout="vertical"
      style={{ maxWidth: 480 }}
      initialValues={{ ordinal: term.ordinal, startDate: term.startDate ? dayjs(term.startDate) : null, endDate: term.endDate ? dayjs(term.endDate) : null, electedEventId: term.electedEventId, notes: term.notes ?? '' }}
      onFinish={(v) => {
        if (save.isPending) return;
        save.mutate({ id: term.id, ordinal: v.ordinal ?? null, startDate: v.startDate?.format('YYYY-MM-DD') ?? null, endDate: v.endDate?.format('YYYY-MM-DD') ?? null, electedEventId: v.electedEventId ?? null, notes: v.notes || null });
      }}
    >
      <Form.Item name="ordinal" label={t('field.term.ordinal')} extra={t('council.ordinalHint')}>
        <InputNumber min={1} max={99} precision={0} aria-label={t('field.term.ordinal')} />
      </Form.Item>
      <Form.Item name="startDate" label={t('field.term.startDate')}>
        <DatePicker aria-label={t('field.term.startDate')} disabled={term.state === 'draft'} />
      </Form.Item>
      <Form.Item name="endDate" label={t('field.term.endDate')}>
        <DatePicker aria-label={t('field.term.endDate')} />
      </Form.Item>
      <Form.Item name="electedEventId" label={t('field.term.electedEventId')}>
        <EventSelect aria-label={t('field.term.electedEventId')} />
      </Form.Item>
      <Form.Item name="notes" label={t('field.term.notes')}>
        <Input.TextArea rows={3} maxLength={2000} aria-label={t('field.term.notes')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
