// What the Office files we write (docx, xlsx) share: escaped text and the document properties.

// eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
const FORBIDDEN = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g;
// eslint-disable-next-line no-control-regex -- the same characters, plus the ones XML must escape
const NEEDS_WORK = /[&<>"\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/;

/** Text as XML: escaped, and without the control characters XML cannot hold. */
export function xmlText(value: string): string {
  // Most cells need nothing: one test instead of five replaces keeps a 100k-row export quick.
  if (!NEEDS_WORK.test(value)) return value;
  return value.replace(FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export const APP_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>产教联合体秘书处工作台</Application></Properties>`;

export function corePropsXml(title: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xmlText(title)}</dc:title><dc:creator>产教联合体秘书处工作台</dc:creator></cp:coreProperties>`;
}
