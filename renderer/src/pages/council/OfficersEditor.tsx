// A term's personal offices (理事长, 副理事长, 秘书长, 副秘书长): people with their units, edited as a
// list and saved together; a refused save keeps the rows as typed and marks the field at fault.
import { App, Button, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { COUNCIL_OFFICES, type CouncilOffice } from '../../../../core/contract/codes';
import type { TermDetail } from '../../../../core/terms/contract';
import { errorText } from '../../api/errors';
import { clearChangedErrors, showFieldErrors } from '../../api/formErrors';
import { useApiMutation } from '../../api/queries';
import { RestoredDraftNotice } from '../../components/Drafts';
import { useFormSafety } from '../../hooks/useFormSafety';
import { useEffect } from 'react';
import { MemberSelect } from '../../components/MemberSelect';

interface OfficerRow {
  office: CouncilOffice;
  personName: string;
  organizationId: string | null;
  fromDate: Dayjs | null;
  toDate: Dayjs | null;
}

const day = (d: string | null) => (d ? dayjs(d) : null);
const iso = (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);

/** `active`: its tab is the one shown, so Esc and Ctrl+S are its own. */
export function OfficersEditor({ term, active }: { term: TermDetail; active: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ officers: OfficerRow[] }>();
  const knownNames = Object.fromEntries(term.officers.filter((o) => o.organizationId).map((o) => [o.organizationId!, o.organizationName ?? '']));
  // Officers typed and not saved survive leaving the page or a reload as a draft; Esc offers to
  // throw the changes away, Ctrl+S saves.
  const safety = useFormSafety({ form, open: active, kind: 'officers', recordId: term.id, onClose: () => undefined });
  useEffect(() => {
    safety.markClean();
    // (Once per term: the form was filled from it at mount.)
  }, [term.id]);
  const save = useApiMutation('terms.setOfficers', {
    onSuccess: () => {
      message.success(t('council.officersSaved'));
      safety.closeDone();
      safety.markClean();
    },
    onError: (error) => {
      if (showFieldErrors(form, error, t)) message.error(t('form.fixErrors'));
      else message.error(errorText(t, error));
    },
  });
  const submit = (values: { officers?: OfficerRow[] }) => {
    if (save.isPending) return;
    save.mutate({ termId: term.id, officers: (values.officers ?? []).map((o) => ({ office: o.office, personName: o.personName ?? '', organizationId: o.organizationId ?? null, fromDate: iso(o.fromDate), toDate: iso(o.toDate) })) });
  };
  return (
    <Form
      form={form}
      className={safety.rootClassName}
      onValuesChange={(changed) => {
        clearChangedErrors(form, changed);
        safety.onValuesChange();
      }}
      // Enter in a field (a date typed, say) confirms the field, never the whole form.
      onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT' && e.preventDefault()}
      onFinish={submit}
      initialValues={{ officers: term.officers.map((o) => ({ office: o.office, personName: o.personName, organizationId: o.organizationId, fromDate: day(o.fromDate), toDate: day(o.toDate) })) }}
    >
      <RestoredDraftNotice restored={safety.restored} onDiscard={safety.discardRestored} />
      <Form.List name="officers">
        {(fields, { add, remove }) => (
          <>
            {fields.length === 0 && <Typography.Paragraph type="secondary">{t('council.noOfficers')}</Typography.Paragraph>}
            {fields.map((field, i) => (
              <Space key={field.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }}>
                <Form.Item name={[field.name, 'office']} rules={[{ required: true, message: t('validation.required') }]}>
                  <Select<CouncilOffice> aria-label={t('council.office', { n: i + 1 })} style={{ width: 120 }} options={COUNCIL_OFFICES.map((o) => ({ value: o, label: t(`office.${o}`) }))} />
                </Form.Item>
                <Form.Item name={[field.name, 'personName']} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
                  <Input aria-label={t('council.personName', { n: i + 1 })} placeholder={t('council.personPlaceholder')} maxLength={50} style={{ width: 140 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'organizationId']}>
                  <MemberSelect aria-label={t('council.officerUnit', { n: i + 1 })} knownNames={knownNames} allowClear style={{ width: 280 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'fromDate']}>
                  <DatePicker aria-label={t('council.officerFrom', { n: i + 1 })} placeholder={t('council.fromCol')} />
                </Form.Item>
                <Form.Item name={[field.name, 'toDate']}>
                  <DatePicker aria-label={t('council.officerTo', { n: i + 1 })} placeholder={t('council.toCol')} />
                </Form.Item>
                <Button onClick={() => remove(field.name)} aria-label={t('council.removeOfficer', { n: i + 1 })}>
                  {t('council.remove')}
                </Button>
              </Space>
            ))}
            <Space>
              <Button onClick={() => add({ office: fields.length === 0 ? 'chair_person' : 'vice_chair_person', personName: '', organizationId: null, fromDate: null, toDate: null })}>{t('council.addOfficer')}</Button>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('council.saveOfficers')}
              </Button>
            </Space>
          </>
        )}
      </Form.List>
    </Form>
  );
}
