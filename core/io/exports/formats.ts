// The file formats the app writes, and which export can be written as which: the one list the
// contract's inputs, the writers, the CLI and the renderer's export menus read.

export const EXPORT_FORMATS = {
  xlsx: { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', layout: 'table' },
  docx: { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', layout: 'document' },
  pdf: { mimeType: 'application/pdf', layout: 'document' },
  csv: { mimeType: 'text/csv; charset=utf-8', layout: 'table' },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** Each export's formats, the default first. */
export const EXPORTS = {
  roster: ['xlsx', 'docx', 'pdf', 'csv'],
  council: ['xlsx', 'docx', 'pdf'],
  agreements: ['xlsx', 'docx', 'pdf', 'csv'],
  meeting: ['docx', 'pdf'],
  signin: ['docx', 'pdf', 'xlsx'],
  contacts: ['xlsx', 'docx', 'csv'],
  talent: ['xlsx', 'docx'],
  annual: ['docx', 'xlsx', 'pdf'],
  plaques: ['xlsx', 'docx', 'pdf'],
  appointments: ['xlsx', 'docx', 'pdf'],
  certificates: ['pdf'],
} as const satisfies Record<string, readonly ExportFormat[]>;
export type ExportName = keyof typeof EXPORTS;
