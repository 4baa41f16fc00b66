// Print preview: the report laid out on A4 paper exactly as docx and pdf get it (the core sends one
// layout for all three), with a Print button. When printing, only the paper is printed.
import { Alert, Button, Empty, Modal, Space, Spin } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiInput } from '../../../core/contract/registry';
import type { ReportBlock, ReportDocument } from '../../../core/io/exports/document';
import { useApiQuery } from '../api/queries';
import { errorText } from '../api/errors';

/** A date as the papers print it (2026年11月29日): it may break after 年, and only there. */
const PRINTED_DATE = /^(\d{4}年)(\d{1,2}月\d{1,2}日)$/;

function CellText({ value, whole }: { value: string | number; whole: boolean }) {
  const date = typeof value === 'string' ? PRINTED_DATE.exec(value) : null;
  if (date) {
    return (
      <>
        <span className="paper-nowrap">{date[1]}</span>
        <wbr />
        <span className="paper-nowrap">{date[2]}</span>
      </>
    );
  }
  // Free text keeps at least four characters a line, as in the docx and pdf; codes and phones stay whole.
  return whole ? <span className="paper-nowrap">{value}</span> : <div className="paper-free-text">{value}</div>;
}

function Block({ block }: { block: ReportBlock }) {
  switch (block.kind) {
    case 'heading':
      return <h2 className={block.align === 'center' ? 'paper-heading paper-centred-title' : 'paper-heading'}>{block.text}</h2>;
    case 'paragraph':
      return <p className={block.align === 'center' ? 'paper-paragraph paper-centred' : 'paper-paragraph'}>{block.text}</p>;
    case 'pageBreak':
      return <div className="paper-page-break" />;
    case 'chart':
      // As an image, never inline markup: an SVG loaded by <img> runs nothing.
      return <img className="paper-chart" alt={block.alt} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(block.svg)}`} style={{ width: `${block.widthMm}mm`, height: `${block.heightMm}mm` }} />;
    case 'table': {
      // The browser lays the table out; codes and phones stay on one line, dates break only after 年,
      // free text wraps and keeps four characters a line.
      const whole = (c: number) => Boolean(block.keepWhole?.[c]);
      const cells = (values: (string | number)[]) =>
        values.map((cell, c) => (
          <td key={c}>
            <CellText value={cell} whole={whole(c)} />
          </td>
        ));
      return (
        <table className={block.tall ? 'paper-table paper-table-tall' : 'paper-table'}>
          <thead>
            <tr>
              {block.header.map((h, c) => (
                <th key={h} style={whole(c) ? { whiteSpace: 'nowrap' } : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>{cells(row)}</tr>
            ))}
            {block.footer && <tr className="paper-footer-row">{cells(block.footer)}</tr>}
          </tbody>
        </table>
      );
    }
  }
}

export function Paper({ doc }: { doc: ReportDocument }) {
  return (
    <div className={doc.landscape ? 'paper paper-landscape' : 'paper'} data-testid="print-paper">
      <h1 className="paper-title">{doc.title}</h1>
      <div className="paper-subtitle">{doc.subtitle}</div>
      {doc.blocks.map((block, i) => (
        <Block key={i} block={block} />
      ))}
    </div>
  );
}

export function PrintPreview({ input, open, onClose }: { input: ApiInput<'reports.preview'>; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const doc = useApiQuery('reports.preview', input, { enabled: open });
  // The page orientation is a print setting; it follows the report.
  useEffect(() => {
    if (!open || !doc.data) return;
    const style = document.createElement('style');
    style.textContent = `@page { size: A4 ${doc.data.landscape ? 'landscape' : 'portrait'}; margin: 15mm 12mm; }`;
    document.head.appendChild(style);
    document.body.classList.add('printing-preview');
    return () => {
      style.remove();
      document.body.classList.remove('printing-preview');
    };
  }, [open, doc.data]);
  const empty = doc.data && doc.data.blocks.every((b) => b.kind !== 'table' || b.rows.length === 0);
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('exports.preview')}
      width={doc.data?.landscape ? 1180 : 880}
      style={{ top: 20 }}
      rootClassName="print-preview"
      footer={
        <Space>
          <Button onClick={onClose}>{t('exports.closePreview')}</Button>
          <Button type="primary" disabled={!doc.data || empty} onClick={() => window.print()}>
            {t('exports.print')}
          </Button>
        </Space>
      }
    >
      {doc.isPending ? (
        <Spin style={{ margin: 40 }} />
      ) : doc.isError ? (
        <Alert type="error" showIcon message={errorText(t, doc.error)} />
      ) : empty ? (
        <Empty description={t('exports.previewEmpty')} />
      ) : (
        <div className="paper-desk">
          <Paper doc={doc.data} />
        </div>
      )}
    </Modal>
  );
}
