// File content sent as base64 in a call (an attachment, an exchange file): refused at its field
// unless it is base64, never decoded leniently into other bytes.
import { fieldError } from '../contract/errors.js';

export function decodeBase64(content: string, field: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content) || content.length % 4 !== 0) {
    throw fieldError(field, { key: 'validation.fileContent', message: 'The file content could not be read.' });
  }
  return Buffer.from(content, 'base64');
}
