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
