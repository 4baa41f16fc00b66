// Cooperation projects (合作项目): filtered by kind, year, partner and words; the year's figures, or
// every year's summed; ProjectForm adds and edits them.
import { Button, Empty, Input, InputNumber, Select, Space, Table } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project, ProjectRow } from '../../../../core/projects/contract';
import { FIGURE_KEYS } from '../../../../core/projects/fields';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useApiQuery } from '../../api/queries';
import { DraftsBar } from '../../components/Drafts';
import { MemberSelect } from '../../components/MemberSelect';
import { ProjectForm } from './ProjectForm';
import { projectKindLabel, projectKindOptions } from './projectKinds';

export function ProjectsPage() {
  const { t } = useTranslation();
  const [kinds, setKinds] = useState<string[]>([]);
  const [year, setYear] = useState<number | null>(null);
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [editing, setEditing] = useState<{ open: boolean; project: Project | null }>({ open: false, project: null });
  const deferred = useDeferredValue(text);
  const list = useApiQuery('projects.list', { kinds: kinds.length ? kinds : undefined, year: year ?? undefined, organizationId: organizationId ?? undefined, text: deferred.trim() || undefined });
  const custom = useApiQuery('projects.kinds', {});
  const open = async (id: string | null) => setEditing({ open: true, project: id ? await call('projects.get', { id }) : null });
  const filtered = kinds.length > 0 || year !== null || organizationId !== null || deferred.trim() !== '';
  return (
    <div style={{ padding: '12px 16px', overflow: 'auto' }}>
      <DraftsBar kind="project" openRecordId={editing.open ? (editing.project?.id ?? null) : undefined} onResume={(id) => void open(id)} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} aria-label={t('projects.kindFilter')} placeholder={t('projects.kindFilter')} style={{ minWidth: 200 }} value={kinds} onChange={setKinds} options={projectKindOptions(t, custom.data ?? [])} />
        <InputNumber aria-label={t('projects.yearFilter')} placeholder={t('projects.yearFilter')} min={1990} max={2100} precision={0} value={year} onChange={(v) => setYear(typeof v === 'number' ? v : null)} style={{ width: 110 }} />
        <MemberSelect allowClear aria-label={t('projects.partnerFilter')} placeholder={t('projects.partnerFilter')} value={organizationId} onChange={setOrganizationId} style={{ width: 240 }} />
        <Input.Search allowClear value={text} onChange={(e) => setText(e.target.value)} placeholder={t('projects.searchPlaceholder')} aria-label={t('projects.searchPlaceholder')} style={{ width: 240 }} />
        <Button type="primary" onClick={() => void open(null)}>
          {t('projects.new')}
        </Button>
      </Space>
      <Table<ProjectRow>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={false}
        scroll={{ x: 1600 }}
        locale={{ emptyText: list.isError ? errorText(t, list.error) : <Empty description={filtered ? t('projects.emptyFiltered') : t('projects.empty')} /> }}
        onRow={(row) => ({ onClick: () => void open(row.id), style: { cursor: 'pointer' } })}
        columns={[
          { key: 'name', title: t('field.project.name'), dataIndex: 'name', fixed: 'left', width: 220 },
          { key: 'kind', title: t('field.project.kind'), dataIndex: 'kind', width: 120, render: (k: string) => projectKindLabel(t, k) },
          { key: 'agreement', title: t('field.project.agreementId'), dataIndex: 'agreementNumber', width: 130 },
          { key: 'partners', title: t('projects.partners'), width: 260, render: (_v, r) => r.partners.map((p) => p.name).join('、'), ellipsis: true },
          { key: 'dates', title: t('projects.period'), width: 190, render: (_v, r) => [r.startDate, r.endDate].filter(Boolean).join(' — ') },
          ...FIGURE_KEYS.map((key) => ({ key, title: t(`field.projectFigure.${key}`), width: 110, align: 'right' as const, render: (_v: unknown, r: ProjectRow) => r.totals[key]?.toLocaleString('zh-CN') ?? '' })),
        ]}
      />
      <ProjectForm open={editing.open} project={editing.project} onClose={() => setEditing((e) => ({ ...e, open: false }))} />
    </div>
  );
}
