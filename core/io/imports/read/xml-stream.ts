// XML parts read as a stream of events (saxes: a conforming, non-validating parser that never
// loads external entities or expands declared ones), so a part of any size costs one chunk at a
// time. Element and attribute names lose their namespace prefix (<x:row> is a row, r:id is id):
// some generators prefix every element, and the readers only need local names.
import { SaxesParser } from 'saxes';
import { importFileError, IMPORT_LIMITS, limitError } from './limits.js';

/** Deeper than any spreadsheet part (a sheet is about five levels): the parser keeps every open tag. */
const MAX_DEPTH = 64;
/**
 * Characters the parser may gather before it reports anything: it builds a name, an attribute list or
 * a text whole before its event, so a 250-million-character name would be held before any limit saw it.
 */
const MAX_CHARS_BETWEEN_EVENTS = 1_000_000;

export interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  /** Character data, CDATA sections included. */
  text?(text: string): void;
}

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

function localAttributes(attributes: Record<string, string>): Record<string, string> {
  // Most tags have no prefixed attribute: those are passed on as they are, without a copy.
  let prefixed = false;
  for (const key in attributes) if (key.includes(':')) prefixed = true;
  if (!prefixed) return attributes;
  const local: Record<string, string> = {};
  for (const key in attributes) local[localName(key)] = attributes[key]!;
  return local;
}

function notXml(part: string, message: string): Error {
  return importFileError('damagedPart', `The part ${part} of the file is not well-formed XML: ${message}.`, { part, detail: message });
}

/** Reads a part's chunks (UTF-8, or UTF-16 by its byte-order mark) through the handlers. */
export async function streamXml(chunks: AsyncIterable<Buffer>, handlers: XmlHandlers, part: string): Promise<void> {
  // No position tracking: it costs a fifth of the parse, and a part's name says enough in an error.
  const parser = new SaxesParser({ xmlns: false, position: false });
  let depth = 0;
  let sinceEvent = 0;
  let events = 0;
  parser.on('error', (error) => {
    throw notXml(part, error.message);
  });
  parser.on('xmldecl', (declaration) => {
    // Excel, WPS and every writer we know use UTF-8 or UTF-16; anything else would read as noise.
    if (declaration.encoding && !/^utf-?(8|16)$/i.test(declaration.encoding)) throw notXml(part, `its encoding ${declaration.encoding.slice(0, 40)} is not UTF-8 or UTF-16`);
  });
  const open = handlers.open;
  parser.on('opentag', (tag) => {
    events += 1;
    if (++depth > MAX_DEPTH) throw notXml(part, `its elements are nested more than ${MAX_DEPTH} deep`);
    open?.(tag.name.includes(':') ? localName(tag.name) : tag.name, localAttributes(tag.attributes as Record<string, string>));
  });
  const close = handlers.close;
  parser.on('closetag', (tag) => {
    events += 1;
    depth -= 1;
    close?.(tag.name.includes(':') ? localName(tag.name) : tag.name);
  });
  const text = handlers.text;
  const onText = (chunk: string) => {
    events += 1;
    text?.(chunk);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  let decoder: InstanceType<typeof TextDecoder> | null = null;
  for await (const chunk of chunks) {
    if (!decoder) {
      const utf16 = (chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff);
      decoder = new TextDecoder(utf16 ? (chunk[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8');
    }
    const decoded = decoder.decode(chunk, { stream: true });
    const eventsBefore = events;
    parser.write(decoded);
    // A chunk with no event in it adds to the run; one with an event starts it again.
    sinceEvent = events === eventsBefore ? sinceEvent + decoded.length : 0;
    if (sinceEvent > MAX_CHARS_BETWEEN_EVENTS) throw limitError('item', part, IMPORT_LIMITS.maxCellChars);
  }
  if (decoder) parser.write(decoder.decode());
  parser.close();
}
