/**
 * The export archive as a zip stream (fflate's `Zip`): each part goes to the sink as it is added,
 * so only one letter or scan is in memory at a time. Scans and letters are stored as they are
 * (they are compressed already, and stay byte for byte the originals); the summary and the JSON
 * are deflated. fflate's synchronous streams call back before `push` returns, so a failure of the
 * sink (a full disk) is thrown from the call that added the part.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

export type ArchiveSink = (chunk: Uint8Array) => void;

export class ArchiveZip {
  private failure: unknown = null;
  private readonly zip: Zip;

  constructor(sink: ArchiveSink) {
    this.zip = new Zip((error, chunk) => {
      if (error) this.failure ??= error;
      else if (this.failure === null) {
        try {
          sink(chunk);
        } catch (sinkError) {
          this.failure = sinkError;
        }
      }
    });
  }

  private check(): void {
    if (this.failure !== null) throw this.failure instanceof Error ? this.failure : new Error(String(this.failure));
  }

  /** A file kept byte for byte (no compression). */
  stored(name: string, data: Uint8Array): void {
    const entry = new ZipPassThrough(name);
    this.zip.add(entry);
    entry.push(data, true);
    this.check();
  }

  deflated(name: string, data: Uint8Array): void {
    const entry = new ZipDeflate(name, { level: 6 });
    this.zip.add(entry);
    entry.push(data, true);
    this.check();
  }

  end(): void {
    this.zip.end();
    this.check();
  }
}
