// 授牌与聘书: the registers of plaques and appointment letters, their lists as files, and certificates
// printed from a layout previewed and adjusted in millimetres.
import { App, Button, Empty, Input, Space, Table, Tabs } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AWARD_KINDS, type AwardKind } from '../../../../core/contract/codes';
import type { Award } from '../../../../core/awards/contract';
import { EXPORTS } from '../../../../core/io/exports/formats';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useApiQuery } from '../../api/queries';
import { ExportMenu } from '../../components/ExportMenu';
import { saveFile } from '../../api/download';
import { percentText, useJobRun } from '../../api/useJobRun';
import { AwardForm } from './AwardForm';
import { LayoutEditor } from './LayoutEditor';

function AwardRegister({ kind }: { kind: AwardKind }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [editing, setEditing] = useState<{ open: boolean; award: Award | null }>({ open: false, award: null });
  const [layoutOpen, setLayoutOpen] = useState(false);
  const printing = useJobRun();
  const deferred = useDeferredValue(text);
  const list = useApiQuery('awards.list', { kind, text: deferred.trim() || undefined });
  const rows = list.data ?? [];
  // Hundreds of pages take a while: the button counts them, and the clerk can stop.
  const printCertificates = async () => {
    try {
      saveFile(await printing.run((job) => call('exports.certificates', { kind, ids: selected.length ? selected : undefined }, job)));
    } catch (error) {
      if (!printing.wasCancelled(error)) message.error(errorText(t, error));
    }
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear value={text} onChange={(e) => setText(e.target.value)} placeholder={t('awards.search')} aria-label={t('awards.search')} style={{ width: 260 }} />
        <Button type="primary" onClick={() => setEditing({ open: true, award: null })}>
          {t(`awards.${kind}.new`)}
        </Button>
        <ExportMenu formats={EXPORTS[kind === 'plaque' ? 'plaques' : 'appointments']} label={t('awards.exportRegister')} exportAs={(format, job) => call('exports.awards', { kind, format }, job)} />
        <Button onClick={() => setLayoutOpen(true)}>{t('awards.layoutButton')}</Button>
        <Button loading={printing.running} disabled={rows.length === 0} onClick={() => void printCertificates()}>
          {(selected.length ? t('awards.printSelected', { count: selected.length }) : t('awards.printAll', { count: rows.length })) + percentText(printing.progress)}
        </Button>
        {printing.running && (
          <Button type="link" onClick={printing.cancel}>
            {t('common.cancel')}
          </Button>
        )}
      </Space>
      <Table<Award>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={rows}
        // Thousands of plaques stay quick to show: a page of 50 at a time.
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        locale={{ emptyText: list.isError ? errorText(t, list.error) : <Empty description={t(`awards.${kind}.empty`)} /> }}
        onRow={(award) => ({ onDoubleClick: () => setEditing({ open: true, award }) })}
        columns={[
          { key: 'number', title: t('field.award.number'), dataIndex: 'number', width: 140, render: (n: string, award) => <a onClick={() => setEditing({ open: true, award })}>{n}</a> },
          { key: 'title', title: t(`awards.${kind}.title`), dataIndex: 'title' },
          ...(kind === 'appointment' ? [{ key: 'person', title: t('field.award.personName'), dataIndex: 'personName', width: 120 }] : []),
          { key: 'unit', title: t('field.award.organizationId'), dataIndex: 'organizationName' },
          { key: 'date', title: t('field.award.date'), dataIndex: 'date', width: 110 },
          { key: 'valid', title: t('field.award.validUntil'), dataIndex: 'validUntil', width: 110 },
          { key: 'event', title: t('field.award.eventId'), dataIndex: 'eventTitle', ellipsis: true },
        ]}
      />
      <AwardForm kind={kind} open={editing.open} award={editing.award} onClose={() => setEditing((e) => ({ ...e, open: false }))} />
      <LayoutEditor kind={kind} open={layoutOpen} example={rows.find((r) => selected.includes(r.id)) ?? rows[0] ?? null} onClose={() => setLayoutOpen(false)} />
    </>
  );
}

export function AwardsPage() {
  const { t } = useTranslation();
  return (
    <div style={{ padding: '12px 16px', overflow: 'auto' }}>
      <Tabs items={AWARD_KINDS.map((kind) => ({ key: kind, label: t(`awards.${kind}.tab`), children: <AwardRegister kind={kind} /> }))} destroyOnHidden />
    </div>
  );
}
