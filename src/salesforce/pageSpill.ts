import { IntegrationError } from '@jupiterone/integration-sdk-core';
import { mkdtempSync, promises as fs, rmSync } from 'fs';
import os from 'os';
import path from 'path';

/**
 * Pages of records written to disk, to be read back once, in a folder of
 * their own under the system's temporary folder (TMPDIR; created on the first
 * write, readable by this user only). Each file is deleted as it is read;
 * `remove` deletes the rest, and so does the process's exit, should a page
 * never be read (a run without the step that takes them). A process killed
 * by a signal leaves them: handling signals here would change how the
 * process that loads the integration stops.
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
      throw this.diskError(
        `Could not hold ${this.object} pages read ahead on disk, under ${this.under} (set TMPDIR to use another folder)`,
        err,
      );
    }
  }

  async read(file: string): Promise<T> {
    try {
      const page = JSON.parse(await fs.readFile(file, 'utf8')) as T;
      await fs.rm(file, { force: true });
      return page;
    } catch (err) {
      throw this.diskError(
        `Could not read back a page of ${this.object} held on disk (${file}; was the temporary folder cleaned while the integration ran?)`,
        err,
      );
    }
  }

  async remove(): Promise<void> {
    const folder = this.releaseFolder();
    if (folder) await fs.rm(folder, { recursive: true, force: true });
  }

  /** An error whose message reaches the step's failure event. */
  private diskError(message: string, err: Error): IntegrationError {
    return new IntegrationError({
      code: 'READ_AHEAD_DISK_ERROR',
      message: `${message}: ${err.message}`,
      cause: err,
    });
  }

  private ensureFolder(): string {
    if (!this.folder) {
      this.folder = mkdtempSync(
        path.join(this.under, 'graph-salesforce-pages-'),
      );
      process.once('exit', this.removeAtExit);
    }
    return this.folder;
  }

  private removeNow(): void {
    const folder = this.releaseFolder();
    if (folder) rmSync(folder, { recursive: true, force: true });
  }

  /** The folder, if any, which the spill no longer holds or removes at exit. */
  private releaseFolder(): string | undefined {
    const folder = this.folder;
    this.folder = undefined;
    process.off('exit', this.removeAtExit);
    return folder;
  }
}
