import fs from 'node:fs';
import { once } from 'node:events';

/**
 * A text file written in large chunks with back-pressure, under a temporary name until it is
 * complete: a crash or an error never leaves a half-written export that looks finished.
 */
export class ChunkedFile {
  private readonly stream: fs.WriteStream;
  private readonly partPath: string;
  private buffer: string[] = [];
  private buffered = 0;
  private failure: Error | null = null;

  constructor(
    readonly file: string,
    private readonly chunkChars = 256 * 1024,
  ) {
    this.partPath = `${file}.part`;
    this.stream = fs.createWriteStream(this.partPath, { encoding: 'utf8' });
    this.stream.on('error', (error) => {
      this.failure = error;
    });
  }

  /** Adds text; resolves at once unless a full chunk had to wait for the disk. */
  async write(text: string): Promise<void> {
    if (this.failure) throw this.failure;
    this.buffer.push(text);
    this.buffered += text.length;
    if (this.buffered >= this.chunkChars) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.buffered = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
    if (this.failure) throw this.failure;
  }

  /** Flushes, closes and moves the file into place; returns its size in bytes. */
  async close(): Promise<number> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
    if (this.failure) throw this.failure;
    await fs.promises.rename(this.partPath, this.file);
    return (await fs.promises.stat(this.file)).size;
  }

  /** Gives up: closes the stream and removes the partial file. */
  async abort(): Promise<void> {
    this.stream.destroy();
    await fs.promises.rm(this.partPath, { force: true });
  }
}
