// Adding and editing a cooperation project: kind (standard or the secretariat's own), agreement,
// partners (blank: the agreement's parties), dates, and its figures entered per year.
import { AutoComplete, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Space, Table, Typography } from 'antd';
import { RecordModalFooter } from '../../components/RecordModalFooter';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../../core/projects/contract';
import { FIGURE_KEYS, type FigureKey } from '../../../../core/projects/fields';
import { useApiQuery } from '../../api/queries';
import { clearChangedErrors } from '../../api/formErrors';
import { AgreementSelect } from '../../components/AgreementSelect';
import { RestoredDraftNotice } from '../../components/Drafts';
import { MemberSelect } from '../../components/MemberSelect';
import { useFormSafety } from '../../hooks/useFormSafety';
import { useRecordMutations } from '../../hooks/useRecordMutations';
import { projectKindCode, projectKindLabel, projectKindOptions } from './projectKinds';

type FigureRow = { year: number | null } & Partial<Record<FigureKey, number | null>>;

interface ProjectValues {
  name?: string;
  kind?: string;
  agreementId?: string | null;
  partnerIds?: string[];
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
  notes?: string;
  figures?: FigureRow[];
}

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

export function ProjectForm({ project, open, onClose, defaults = {} }: { project: Project | null; open: boolean; onClose(): void; defaults?: { agreementId?: string; agreementLabel?: string } }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProjectValues>();
  const kinds = useApiQuery('projects.kinds', {});
  const label = (field: string) => t(`field.project.${field}`);
  const safety = useFormSafety({ form, open, kind: 'project', recordId: project?.id ?? null, onClose, focusField: 'name' });
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      project
        ? {
            name: project.name,
            kind: projectKindLabel(t, project.kind),
            agreementId: project.agreementId,
            partnerIds: project.partners.map((p) => p.organizationId),
            startDate: project.startDate ? dayjs(project.startDate) : null,
            endDate: project.endDate ? dayjs(project.endDate) : null,
            notes: project.notes ?? '',
            figures: project.figures.map(({ id: _id, ...f }) => f),
          }
        : { agreementId: defaults.agreementId ?? null, partnerIds: [], figures: [{ year: new Date().getFullYear() }] },
    );
    safety.markClean();
    // (The safety's functions are new each render; what the form opened with is what matters.)
  }, [open, project, form]);
  const { save, remove } = useRecordMutations({
    form,
    save: (v: ProjectValues, refresh) => {
      const input = {
        name: v.name ?? '',
        kind: projectKindCode(t, v.kind ?? ''),
        agreementId: v.agreementId ?? null,
        partners: (v.partnerIds ?? []).map((organizationId) => ({ organizationId })),
        startDate: iso(v.startDate),
        endDate: iso(v.endDate),
        notes: v.notes || null,
        // Sent as typed: the core refuses a negative, fractional or blank year at its field rather than the form rounding it.
        figures: (v.figures ?? []).map((f) => ({ year: f.year as number, ...Object.fromEntries(FIGURE_KEYS.map((k) => [k, f[k] ?? null])) })),
      };
      return project ? refresh('projects.update', { ...input, id: project.id }) : refresh('projects.create', input);
    },
    remove: (refresh) => refresh('projects.delete', { id: project!.id }),
    savedMessage: (saved) => t('projects.saved', { name: saved.name }),
    deletedMessage: () => t('projects.deleted'),
    onClose: safety.closeDone,
    // The core names partners.N.organizationId; the form holds them in one multiple select.
    namePathOf: (path) => (path.startsWith('partners.') ? ['partnerIds'] : path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p))),
  });
  const knownPartners = Object.fromEntries((project?.partners ?? []).map((p) => [p.organizationId, p.name]));
  return (
    <Modal
      open={open}
      onCancel={safety.requestClose}
      keyboard={false}
      rootClassName={safety.rootClassName}
      width={980}
      title={project ? t('projects.editTitle') : t('projects.newTitle')}
      footer={
        <RecordModalFooter
          deleteQuestion={project ? t('projects.deleteConfirm', { name: project.name }) : null}
          deleteLabel={t('projects.delete')}
          onDelete={() => remove.mutate()}
          deleting={remove.isPending}
          onCancel={safety.requestClose}
          onSave={() => form.submit()}
          saving={save.isPending}
        />
      }
    >
      <RestoredDraftNotice restored={safety.restored} onDiscard={safety.discardRestored} />
      <Form<ProjectValues> form={form} name="project" layout="vertical" onFinish={(v) => save.mutate(v)}
        onValuesChange={(changed) => {
          clearChangedErrors(form, changed);
          safety.onValuesChange();
        }}
      >
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="name" label={label('name')} required>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="kind" label={label('kind')} required extra={t('projects.kindHint')}>
              <AutoComplete options={projectKindOptions(t, kinds.data ?? []).map((o) => ({ value: o.label }))} filterOption={(input, option) => String(option?.value ?? '').includes(input)} maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="agreementId" label={label('agreementId')}>
              <AgreementSelect knownLabel={project ? [project.agreementNumber, project.agreementTitle].filter(Boolean).join(' ') : (defaults.agreementLabel ?? null)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="partnerIds" label={t('projects.partners')} extra={t('projects.partnersHint')}>
              <PartnerSelect knownNames={knownPartners} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="startDate" label={label('startDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="endDate" label={label('endDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="notes" label={label('notes')}>
              <Input maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('projects.figuresTitle')}</Typography.Title>
        <Form.List name="figures">
          {(fields, { add, remove: removeRow }) => (
            <>
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                dataSource={fields}
                locale={{ emptyText: t('projects.noFigures') }}
                columns={[
                  {
                    key: 'year',
                    title: t('field.projectFigure.year'),
                    width: 100,
                    render: (_v, field) => (
                      <Form.Item name={[field.name, 'year']} noStyle={false} style={{ margin: 0 }}>
                        <InputNumber aria-label={t('projects.figureOf', { n: field.name + 1, label: t('field.projectFigure.year') })} style={{ width: 84 }} />
                      </Form.Item>
                    ),
                  },
                  ...FIGURE_KEYS.map((key) => ({
                    key,
                    title: t(`field.projectFigure.${key}`),
                    render: (_v: unknown, field: { name: number }) => (
                      <Form.Item name={[field.name, key]} style={{ margin: 0 }}>
                        <InputNumber aria-label={t('projects.figureOf', { n: field.name + 1, label: t(`field.projectFigure.${key}`) })} style={{ width: '100%' }} />
                      </Form.Item>
                    ),
                  })),
                  {
                    key: 'remove',
                    width: 70,
                    render: (_v, field) => (
                      <Button size="small" onClick={() => removeRow(field.name)}>
                        {t('council.remove')}
                      </Button>
                    ),
                  },
                ]}
              />
              <Space style={{ marginTop: 8 }}>
                <Button onClick={() => add({ year: nextYear(form.getFieldValue('figures') as FigureRow[] | undefined) })}>{t('projects.addYear')}</Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

/** The year after the latest entered, or this year. */
function nextYear(rows: FigureRow[] | undefined): number {
  const years = (rows ?? []).map((r) => r.year).filter((y): y is number => typeof y === 'number');
  return years.length ? Math.max(...years) + 1 : new Date().getFullYear();
}

/** Several members in one select: each chosen one is looked up by MemberSelect's search. */
function PartnerSelect({ value = [], onChange, knownNames }: { value?: string[]; onChange?: (ids: string[]) => void; knownNames: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {value.map((id, i) => (
        <Space.Compact key={id} style={{ width: '100%' }}>
          <MemberSelect value={id} knownNames={knownNames} aria-label={t('projects.partnerN', { n: i + 1 })} onChange={(next) => onChange?.(value.map((v, j) => (j === i ? next : v)).filter((v): v is string => Boolean(v)))} />
          <Button onClick={() => onChange?.(value.filter((_, j) => j !== i))} aria-label={t('projects.removePartner', { n: i + 1 })}>
            {t('council.remove')}
          </Button>
        </Space.Compact>
      ))}
      <MemberSelect value={null} aria-label={t('projects.addPartner')} placeholder={t('projects.addPartner')} onChange={(id) => id && !value.includes(id) && onChange?.([...value, id])} />
    </Space>
  );
}
