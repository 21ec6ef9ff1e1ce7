/** Files between the browser and the API: reading picked files, and saving what the API returns. */
export const MAX_SCAN_BYTES = 20 * 1024 * 1024;
export const SCAN_ACCEPT = '.pdf,.jpg,.jpeg,.png,.tif,.tiff,application/pdf,image/jpeg,image/png,image/tiff';

export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`Cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/** Picked files as the API takes them (a letter's scans, issue 18's attachments). */
export function uploadsOf(picked: readonly { readonly file: File }[]): Promise<{ name: string; mimeType: string; dataBase64: string }[]> {
  return Promise.all(picked.map(async ({ file }) => ({ name: file.name, mimeType: file.type, dataBase64: await readAsBase64(file) })));
}

/** The first error the main process gave about an attachment ('attachments.N'), if any. */
export function attachmentError(fields: Readonly<Record<string, unknown>>): string | undefined {
  const found = Object.entries(fields).find(([path]) => path === 'attachments' || path.startsWith('attachments.'))?.[1];
  return typeof found === 'string' ? found : undefined;
}

export function base64ToBlob(dataBase64: string, mimeType: string): Blob {
  const bytes = Uint8Array.from(atob(dataBase64), (char) => char.charCodeAt(0));
  return new Blob([bytes], { type: mimeType });
}

/** Saves a file the API produced (a letter PDF, the day book) through the browser's download. */
export function saveFile(file: { name: string; mimeType: string; dataBase64: string }): void {
  const url = URL.createObjectURL(base64ToBlob(file.dataBase64, file.mimeType));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
