// Reading exported documents back the way another program would: docx through its XML, pdf through
// poppler's pdftotext and pdffonts.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { tempDir } from './migrations.js';

export async function docxXml(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file('word/document.xml')!.async('string');
}

/** The visible text of each paragraph, in order (runs joined). */
export function docxParagraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
}

function pdfFile(bytes: Buffer): string {
  const file = path.join(tempDir(), 'export.pdf');
  fs.writeFileSync(file, bytes);
  return file;
}

export function pdfText(bytes: Buffer): string {
  return execFileSync('pdftotext', ['-layout', pdfFile(bytes), '-'], { encoding: 'utf8' });
}

export interface PdfFont {
  name: string;
  embedded: boolean;
}

export function pdfFonts(bytes: Buffer): PdfFont[] {
  const out = execFileSync('pdffonts', [pdfFile(bytes)], { encoding: 'utf8' });
  // Columns: name, type (may contain spaces), encoding, emb, sub, uni, object ID.
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const parts = line.trim().split(/\s+/);
      return { name: parts[0]!, embedded: parts[parts.length - 5] === 'yes' };
    });
}

export function pdfPageCount(bytes: Buffer): number {
  const info = execFileSync('pdfinfo', [pdfFile(bytes)], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)![1]);
}
