import { mkdtempSync, promises as fs, rmSync } from 'fs';
import os from 'os';
import path from 'path';

/**
 * Pages of records written to disk, to be read back once, in a folder of
 * their own under the system's temporary folder (TMPDIR; created on the first
 * write, readable by this user only). Each file is deleted as it is read;
 * `remove` deletes the rest, and so does the end of the process, should a
 * page never be read (a run without the step that takes them).
 */
export class PageSpill<T> {
  private folder?: string;
  private written = 0;
  private readonly removeAtExit = () => this.removeNow();

  /** `object` names the records in messages. */
  constructor(
    private readonly object: string,
    private readonly under = os.tmpdir(),
  ) {}

  async write(page: T): Promise<string> {
    try {
      const file = path.join(this.ensureFolder(), `${this.written++}.json`);
      await fs.writeFile(file, JSON.stringify(page), { mode: 0o600 });
      return file;
    } catch (err) {
      throw new Error(
        `Could not hold ${this.object} pages read ahead on disk, under ${this.under} (set TMPDIR to use another folder): ${err.message}`,
      );
    }
  }

  async read(file: string): Promise<T> {
    const page = JSON.parse(await fs.readFile(file, 'utf8')) as T;
    await fs.rm(file, { force: true });
    return page;
  }

  async remove(): Promise<void> {
    if (this.folder) {
      const folder = this.folder;
      this.forget();
      await fs.rm(folder, { recursive: true, force: true });
    }
  }

  private ensureFolder(): string {
    if (!this.folder) {
      this.folder = mkdtempSync(path.join(this.under, 'graph-salesforce-'));
      process.once('exit', this.removeAtExit);
    }
    return this.folder;
  }

  private removeNow(): void {
    if (this.folder) {
      const folder = this.folder;
      this.forget();
      rmSync(folder, { recursive: true, force: true });
    }
  }

  private forget(): void {
    this.folder = undefined;
    process.off('exit', this.removeAtExit);
  }
}
