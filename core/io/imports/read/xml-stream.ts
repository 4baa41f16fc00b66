// XML parts read as a stream of events (saxes: a conforming, non-validating parser that never
// loads external entities or expands declared ones), so a part of any size costs one chunk at a
// time. Element and attribute names lose their namespace prefix (<x:row> is a row, r:id is id):
// some generators prefix every element, and the readers only need local names.
import { SaxesParser } from 'saxes';
import { importFileError } from './limits.js';

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
  parser.on('error', (error) => {
    throw notXml(part, error.message);
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (tag) => open(tag.name.includes(':') ? localName(tag.name) : tag.name, localAttributes(tag.attributes as Record<string, string>)));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(tag.name.includes(':') ? localName(tag.name) : tag.name));
  }
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  let decoder: InstanceType<typeof TextDecoder> | null = null;
  for await (const chunk of chunks) {
    if (!decoder) {
      const utf16 = (chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff);
      decoder = new TextDecoder(utf16 ? (chunk[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8');
    }
    parser.write(decoder.decode(chunk, { stream: true }));
  }
  if (decoder) parser.write(decoder.decode());
  parser.close();
}
