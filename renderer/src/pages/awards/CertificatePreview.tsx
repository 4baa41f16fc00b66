// A certificate as it will print: an A4 page drawn in millimetres from the same layout and the same
// texts the pdf uses, so moving a field here moves it on paper (套打).
import type { CertificateLayout, CertificateTexts } from '../../../../core/awards/certificate-layout';

const MM = 'mm';

export function CertificatePreview({ layout, texts, scale = 0.5 }: { layout: CertificateLayout; texts: CertificateTexts; scale?: number }) {
  const p = layout.places;
  const pt = (size: number) => `${size}pt`;
  return (
    <div style={{ width: `${210 * scale}mm`, height: `${297 * scale}mm`, overflow: 'hidden', border: '1px solid #d0d0d0', background: '#fff', flex: 'none' }} data-testid="certificate-preview">
      <div style={{ width: `210${MM}`, height: `297${MM}`, position: 'relative', transform: `scale(${scale})`, transformOrigin: '0 0', fontFamily: '"Noto Serif SC", "Songti SC", SimSun, serif', color: '#000' }}>
        {layout.printFrame && (
          <>
            <div style={{ position: 'absolute', left: `12${MM}`, top: `12${MM}`, width: `186${MM}`, height: `273${MM}`, border: '3px solid #9b1c1c', boxSizing: 'border-box' }} />
            <div style={{ position: 'absolute', left: `15${MM}`, top: `15${MM}`, width: `180${MM}`, height: `267${MM}`, border: '1px solid #9b1c1c', boxSizing: 'border-box' }} />
            <div data-field="heading" style={{ position: 'absolute', left: `${p.heading.x - 80}${MM}`, top: `${p.heading.y}${MM}`, width: `160${MM}`, transform: 'translateY(-50%)', textAlign: 'center', fontSize: pt(p.heading.size), fontWeight: 'bold', color: '#9b1c1c' }}>
              {texts.heading}
            </div>
          </>
        )}
        <div data-field="body" style={{ position: 'absolute', left: `${p.body.x}${MM}`, top: `${p.body.y}${MM}`, width: `${p.body.width}${MM}`, fontSize: pt(p.body.size), lineHeight: 1.6, whiteSpace: 'pre-wrap' }}>
          {texts.body}
        </div>
        <div data-field="signer" style={{ position: 'absolute', right: `${210 - p.signer.x}${MM}`, top: `${p.signer.y}${MM}`, fontSize: pt(p.signer.size), whiteSpace: 'nowrap' }}>
          {texts.signer}
        </div>
        <div data-field="date" style={{ position: 'absolute', right: `${210 - p.date.x}${MM}`, top: `${p.date.y}${MM}`, fontSize: pt(p.date.size), whiteSpace: 'nowrap' }}>
          {texts.date}
        </div>
        <div data-field="number" style={{ position: 'absolute', left: `${p.number.x}${MM}`, top: `${p.number.y}${MM}`, fontSize: pt(p.number.size), whiteSpace: 'nowrap' }}>
          {texts.number}
        </div>
      </div>
    </div>
  );
}
