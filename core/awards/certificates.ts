// Certificates: one A4 page per award, each text at its place in millimetres (the layout the clerk
// adjusted to her pre-printed paper, 套打), in the embedded serif face so the print matches the
// preview on any machine. On plain paper the frame and the heading are printed too.
import fs from 'node:fs';
import { getProfile } from '../alliance/alliance.js';
import type { ServiceContext } from '../contract/context.js';
import { AppError } from '../contract/errors.js';
import type { Job } from '../contract/method.js';
import { faceFiles } from '../io/exports/pdf.js';
import type { Award } from './contract.js';
import { certificateTexts, type CertificateLayout } from './certificate-layout.js';

const PT_PER_MM = 72 / 25.4;

function recipientOf(award: Award): { recipient: string; unit: string | null } {
  return award.kind === 'plaque' ? { recipient: award.organizationName ?? '', unit: null } : { recipient: award.personName ?? '', unit: award.organizationName };
}

/** Pages between two looks at the clerk's cancel, and two progress reports. */
const PAGES_PER_STEP = 20;

export async function certificatesPdf(ctx: ServiceContext, awards: Award[], layout: CertificateLayout, job?: Job): Promise<Buffer> {
  if (awards.length === 0) throw new AppError('NOT_FOUND', 'There is nothing to print: no plaque or appointment letter was chosen.', { key: 'errors.noCertificates' });
  const { default: PDFDocument } = await import('pdfkit');
  const pdf = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: layout.heading || '证书', Creator: '产教联合体秘书处工作台' } });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });
  const faces = faceFiles(ctx.fontsDir);
  pdf.registerFont('body', fs.readFileSync(faces.body));
  pdf.registerFont('title', fs.readFileSync(faces.title));
  const alliance = getProfile(ctx)?.name ?? '';
  const at = (mm: number) => mm * PT_PER_MM;
  for (const [index, award] of awards.entries()) {
    if (job && index % PAGES_PER_STEP === 0) {
      job.progress(index, awards.length);
      // Let the progress and a cancel through between steps of a long run of pages.
      await new Promise((resolve) => setImmediate(resolve));
      job.checkpoint();
    }
    pdf.addPage({ size: 'A4', margin: 0 });
    const texts = certificateTexts(layout, { number: award.number, title: award.title, date: award.date, ...recipientOf(award) }, alliance);
    const p = layout.places;
    if (layout.printFrame) {
      pdf.lineWidth(3).strokeColor('#9b1c1c').rect(at(12), at(12), at(186), at(273)).stroke();
      pdf.lineWidth(1).rect(at(15), at(15), at(180), at(267)).stroke();
      // The heading centred on its x, as the preview draws it.
      pdf.font('title').fontSize(p.heading.size).fillColor('#9b1c1c').text(texts.heading, at(p.heading.x) - at(80), at(p.heading.y) - p.heading.size / 2, { width: at(160), height: p.heading.size * 1.5, align: 'center', lineBreak: false });
    }
    pdf.fillColor('#000000');
    // Clipped to the sheet: a long text never runs onto another page (one page per certificate, as the preview shows).
    pdf.font('body').fontSize(p.body.size).text(texts.body, at(p.body.x), at(p.body.y), { width: at(p.body.width), height: Math.max(1, at(297 - p.body.y) - 2), ellipsis: true, lineGap: p.body.size * 0.6, indent: 0 });
    // The signer and the date end at their x (right-aligned), as signatures do.
    pdf.font('body').fontSize(p.signer.size).text(texts.signer, 0, at(p.signer.y), { width: at(p.signer.x), height: p.signer.size * 1.5, align: 'right', lineBreak: false });
    pdf.font('body').fontSize(p.date.size).text(texts.date, 0, at(p.date.y), { width: at(p.date.x), height: p.date.size * 1.5, align: 'right', lineBreak: false });
    pdf.font('body').fontSize(p.number.size).text(texts.number, at(p.number.x), at(p.number.y), { width: Math.max(1, at(210 - p.number.x)), height: p.number.size * 1.5, lineBreak: false, ellipsis: true });
  }
  pdf.end();
  await done;
  return Buffer.concat(chunks);
}
