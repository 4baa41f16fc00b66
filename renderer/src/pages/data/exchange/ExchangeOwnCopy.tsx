// 交换与合并 for a copy with records of its own: this copy's name, an exchange file for a colleague,
// the copies merged from, and the values merges replaced (each can be put back). The merge button
// comes from the panel, which the welcome screen shows without this part.
import { App, Button, Descriptions, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeLoser } from '../../../../../core/exchange/contract';
import { saveFile } from '../../../api/download';
import { errorText } from '../../../api/errors';
import { useApiMutation, useApiQuery } from '../../../api/queries';
import { percentText, useJobRun } from '../../../api/useJobRun';
import { call } from '../../../api/client';
import { fieldLabel, valueText, whenText } from './exchangeText';

const EVERYTHING = '';

export function ExchangeOwnCopy({ mergeButton }: { mergeButton: ReactNode }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const info = useApiQuery('exchange.info', {});
  const losers = useApiQuery('exchange.losers', { limit: 100 });
  const [partner, setPartner] = useState(EVERYTHING);
  const exporting = useJobRun();
  const restore = useApiMutation('exchange.restoreLoser', { onSuccess: () => void message.success(t('exchange.restored')), onError: (e) => message.error(errorText(t, e)) });

  const makeFile = async () => {
    try {
      const file = await exporting.run((job) => call('exchange.export', partner ? { partner } : { all: true }, job));
      saveFile(file);
      void message.success(file.rows > 0 ? t('exchange.exported', { name: file.fileName, count: file.rows }) : t('exchange.exportedNothing'));
    } catch (error) {
      if (!exporting.wasCancelled(error)) void message.error(errorText(t, error));
    }
  };
  const partners = info.data?.partners ?? [];

  return (
    <>
      <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('exchange.thisCopy')}>
          <span data-testid="exchange-replica">{info.data ? `${info.data.label} · ${info.data.replica.slice(0, 8)}` : ''}</span>
        </Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginBottom: 16 }}>
        <Typography.Text>{t('exchange.partner')}</Typography.Text>
        <Select
          style={{ minWidth: 260 }}
          value={partner}
          onChange={setPartner}
          aria-label={t('exchange.partner')}
          options={[{ value: EVERYTHING, label: partners.length > 0 ? t('exchange.partnerAll') : t('exchange.partnerNew') }, ...partners.map((p) => ({ value: p.replica, label: `${p.label || p.replica.slice(0, 8)}` }))]}
        />
        <Button type="primary" onClick={() => void makeFile()} loading={exporting.running}>
          {t('exchange.export') + percentText(exporting.progress)}
        </Button>
        {mergeButton}
      </Space>
      <Typography.Title level={5}>{t('exchange.partners')}</Typography.Title>
      <Table
        size="small"
        rowKey="replica"
        dataSource={partners}
        pagination={false}
        locale={{ emptyText: t('exchange.noPartners') }}
        columns={[
          { key: 'label', title: t('exchange.partnerCopy'), render: (_: unknown, p) => `${p.label || ''} · ${p.replica.slice(0, 8)}` },
          { key: 'last', title: t('exchange.lastImport'), render: (_: unknown, p) => whenText(p.lastImportAt ?? undefined) },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('exchange.losersTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('exchange.losersHint')}</Typography.Paragraph>
      <Table<ExchangeLoser>
        size="small"
        rowKey="id"
        dataSource={losers.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('exchange.noLosers') }}
        data-testid="exchange-losers"
        columns={[
          { key: 'record', title: t('exchange.record'), render: (_: unknown, l) => `${t(`exchange.table.${l.table}`, { defaultValue: l.table })} · ${l.label || l.rowId.slice(0, 8)}` },
          { key: 'field', title: t('exchange.field'), render: (_: unknown, l) => fieldLabel(t, l.table, l.field || undefined) },
          { key: 'value', title: t('exchange.value'), render: (_: unknown, l) => (l.field ? valueText(l.value) : '') },
          { key: 'at', title: t('exchange.changedAt'), render: (_: unknown, l) => whenText(l.changedAt) },
          {
            key: 'restore',
            title: '',
            render: (_: unknown, l) =>
              l.field ? (
                <Popconfirm title={t('exchange.restoreConfirm')} onConfirm={() => restore.mutate({ id: l.id })}>
                  <Button size="small" loading={restore.isPending && restore.variables?.id === l.id}>
                    {t('exchange.restore')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </>
  );
}
