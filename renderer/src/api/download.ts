// Saves a file the core returned. The browser shell downloads it; Electron shows its save dialog
// for the same download, so both shells use this one path.
import type { FileContent } from '../../../core/io/exports/contract';

export function saveFile(file: FileContent): void {
  const bytes = Uint8Array.from(atob(file.bytes), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A chosen file's bytes as base64, for `attachments.add` (the UI sends content, never a path). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
