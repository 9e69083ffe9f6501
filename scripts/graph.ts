/* eslint-disable no-console */
import { execFileSync } from 'child_process';
import { readFileSync, rmSync, writeFileSync } from 'fs';
import path from 'path';
import { PROJECT_ROOT } from './lib/collect';

/**
 * `j1-integration visualize`, made safe to open. SDK 8.41 pastes the
 * graph's names into the page's script as they are, so a Salesforce name
 * holding `</script><script>…` ran in the browser of whoever opened the
 * page. JSON has no `<` outside its strings, so writing every `<` of the
 * page's data as `\u003c` changes no name and leaves nothing the browser
 * can read as a tag.
 */
const DATA_START = 'var nodes = new vis.DataSet(';
const DATA_END = '// create a network';

export function escapeGraphData(html: string): string {
  const start = html.indexOf(DATA_START);
  if (start === -1) return html; // the page that says there is nothing to show
  const end = html.indexOf(DATA_END, start);
  if (end === -1) {
    throw new Error(
      'the page j1-integration visualize wrote is not laid out as SDK 8.41 lays it out: not safe to open',
    );
  }
  const data = html.slice(start, end).replace(/</g, '\\u003c');
  return html.slice(0, start) + data + html.slice(end);
}

/** The folder `collect` wrote: `.j1-integration` unless named. */
function main(folder = path.resolve(process.argv[2] ?? '.j1-integration')) {
  const page = path.join(folder, 'index.html');
  execFileSync(
    path.join(PROJECT_ROOT, 'node_modules', '.bin', 'j1-integration'),
    [
      'visualize',
      '--data-dir',
      path.join(folder, 'graph'),
      '--output-file',
      page,
    ],
    { stdio: 'inherit' },
  );
  try {
    writeFileSync(page, escapeGraphData(readFileSync(page, 'utf8')));
  } catch (err) {
    rmSync(page, { force: true });
    throw err;
  }
}

if (require.main === module) {
  try {
    main();
  } catch (err) {
    console.error(`npm run graph: ${(err as Error).message}`);
    process.exitCode = 1;
  }
}
