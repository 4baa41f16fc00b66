// CSV for Excel and WPS: UTF-8 with a byte-order mark (without it both guess GBK and garble Chinese),
// CRLF line ends, every field quoted when it needs to be, formula-looking cells neutralised.
import { neutraliseCell } from './cells.js';
import type { ReportTable } from './table.js';

function field(value: string | number): string {
  const text = String(neutraliseCell(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvOf(table: ReportTable): Buffer {
  const lines: string[] = [table.header.map(field).join(',')];
  for (const section of table.sections) {
    // Group headings become a row of their own, so the file still reads as the printed roster.
    if (section.heading) lines.push(field(section.heading));
    for (const row of section.rows) lines.push(row.map(field).join(','));
    if (section.footer) lines.push(section.footer.map(field).join(','));
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}
