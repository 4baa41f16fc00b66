// Adding and editing a cooperation project: kind (standard or the secretariat's own), agreement,
// partners (blank: the agreement's parties), dates, and its figures entered per year. The view; its
// data (what it opens with, save, delete, drafts) is useProjectForm.
import { AutoComplete, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../../core/projects/contract';
import { FIGURE_KEYS } from '../../../../core/projects/fields';
import { useApiQuery } from '../../api/queries';
import { clearChangedErrors } from '../../api/formErrors';
import { AgreementSelect } from '../../components/AgreementSelect';
import { RestoredDraftNotice } from '../../components/Drafts';
import { MemberSelect } from '../../components/MemberSelect';
import { RecordModalFooter } from '../../components/RecordModalFooter';
import { nextYear, type FigureRow, type ProjectFormValues } from './projectFormValues';
import { projectKindOptions } from './projectKinds';
import { useProjectForm } from './useProjectForm';

export function ProjectForm({ project, open, onClose, defaults = {} }: { project: Project | null; open: boolean; onClose(): void; defaults?: { agreementId?: string; agreementLabel?: string } }) {
  const { t } = useTranslation();
  const kinds = useApiQuery('projects.kinds', {});
  const label = (field: string) => t(`field.project.${field}`);
  const { form, safety, save, remove } = useProjectForm({ project, open, onClose, agreementId: defaults.agreementId ?? null });
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
      <Form<ProjectFormValues> form={form} name="project" layout="vertical" onFinish={(v) => save.mutate(v)}
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
