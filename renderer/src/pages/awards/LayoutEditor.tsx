// The certificate's layout, adjusted in millimetres to the secretariat's pre-printed paper (套打) and
// previewed on the page before anything prints; saved in the data file so every clerk prints alike.
import { App, Button, Checkbox, Col, Drawer, Input, InputNumber, Row, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AwardKind } from '../../../../core/contract/codes';
import type { Award } from '../../../../core/awards/contract';
import { DEFAULT_LAYOUTS, certificateTexts, type CertificateLayout } from '../../../../core/awards/certificate-layout';
import { ApiError } from '../../api/client';
import { errorText, issueText } from '../../api/errors';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useOverview } from '../../hooks/useOverview';
import { CertificatePreview } from './CertificatePreview';

type PlaceKey = keyof CertificateLayout['places'];
const PLACES: PlaceKey[] = ['heading', 'body', 'signer', 'date', 'number'];

export function LayoutEditor({ kind, open, example, onClose }: { kind: AwardKind; open: boolean; example: Award | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const saved = useApiQuery('awards.layout', { kind }, { enabled: open });
  const overview = useOverview();
  const [layout, setLayout] = useState<CertificateLayout | null>(null);
  useEffect(() => {
    if (open && saved.data) setLayout(saved.data);
  }, [open, saved.data]);
  const save = useApiMutation('awards.setLayout', {
    onSuccess: () => message.success(t('awards.layoutSaved')),
    // The refused field's own message (a text off the sheet, a control character), not a general one.
    onError: (error) => {
      const issue = error instanceof ApiError ? Object.values(error.shape.details?.fields ?? {})[0] : undefined;
      message.error(issue ? issueText(t, issue) : errorText(t, error));
    },
  });
  if (!layout) return <Drawer open={open} onClose={onClose} width={980} title={t('awards.layoutTitle')} loading />;
  const place = (key: PlaceKey, field: 'x' | 'y' | 'size' | 'width', value: number | null) =>
    value !== null && setLayout({ ...layout, places: { ...layout.places, [key]: { ...layout.places[key], [field]: value } } });
  const alliance = overview.data?.profile?.name ?? '';
  const texts = certificateTexts(
    layout,
    example
      ? { number: example.number, title: example.title, date: example.date, recipient: kind === 'plaque' ? (example.organizationName ?? '') : (example.personName ?? ''), unit: kind === 'plaque' ? null : example.organizationName }
      : { number: t('awards.exampleNumber'), title: t('awards.exampleTitle'), date: new Date().toISOString().slice(0, 10), recipient: t('awards.exampleRecipient'), unit: t('awards.exampleUnit') },
    alliance,
  );
  return (
    <Drawer open={open} onClose={onClose} width={1000} title={t('awards.layoutTitle')} destroyOnHidden>
      <Row gutter={24} wrap={false}>
        <Col flex="none">
          <CertificatePreview layout={layout} texts={texts} />
        </Col>
        <Col flex="auto">
          <Typography.Paragraph type="secondary">{t('awards.layoutHint')}</Typography.Paragraph>
          <Checkbox checked={layout.printFrame} onChange={(e) => setLayout({ ...layout, printFrame: e.target.checked })}>
            {t('awards.printFrame')}
          </Checkbox>
          <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
            <Input addonBefore={t('awards.headingText')} value={layout.heading} maxLength={20} onChange={(e) => setLayout({ ...layout, heading: e.target.value })} />
            <Input.TextArea aria-label={t('awards.bodyText')} value={layout.body} maxLength={300} rows={3} onChange={(e) => setLayout({ ...layout, body: e.target.value })} />
            <Typography.Text type="secondary">{t('awards.bodyHint')}</Typography.Text>
            {PLACES.map((key) => (
              <Space key={key} wrap>
                <span style={{ display: 'inline-block', width: 72 }}>{t(`awards.place.${key}`)}</span>
                <InputNumber aria-label={t('awards.placeX', { field: t(`awards.place.${key}`) })} addonBefore="X" addonAfter="mm" min={0} max={210} step={1} value={layout.places[key].x} onChange={(v) => place(key, 'x', v)} style={{ width: 150 }} />
                <InputNumber aria-label={t('awards.placeY', { field: t(`awards.place.${key}`) })} addonBefore="Y" addonAfter="mm" min={0} max={297} step={1} value={layout.places[key].y} onChange={(v) => place(key, 'y', v)} style={{ width: 150 }} />
                <InputNumber aria-label={t('awards.placeSize', { field: t(`awards.place.${key}`) })} addonAfter="pt" min={6} max={96} value={layout.places[key].size} onChange={(v) => place(key, 'size', v)} style={{ width: 110 }} />
                {key === 'body' && <InputNumber aria-label={t('awards.placeWidth')} addonBefore={t('awards.width')} addonAfter="mm" min={10} max={210} value={layout.places.body.width} onChange={(v) => place('body', 'width', v)} style={{ width: 170 }} />}
              </Space>
            ))}
            <Space>
              <Button type="primary" loading={save.isPending} onClick={() => !save.isPending && save.mutate({ kind, layout })}>
                {t('awards.saveLayout')}
              </Button>
              <Button onClick={() => setLayout(DEFAULT_LAYOUTS[kind])}>{t('awards.defaultLayout')}</Button>
            </Space>
          </Space>
        </Col>
      </Row>
    </Drawer>
  );
}
