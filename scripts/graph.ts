/* eslint-disable no-console */
import { execFileSync } from 'child_process';
import { readFileSync, rmSync, writeFileSync } from 'fs';
import path from 'path';
import { collectionFolder, PROJECT_ROOT } from './lib/collect';

/**
 * `j1-integration visualize`, made safe to open. SDK 8.41 pastes the
 * graph's names into the page's script as they are, so a Salesforce name
 * holding `</script><script>…` ran in the browser of whoever opened the
 * page. From the data to the page's last `</script>`, the template's own
 * code has no `<` and JSON none outside its strings, so writing every `<`
 * there as `\u003c` changes no name and leaves nothing the browser can read
 * as a tag; whatever a name holds, the page must then have the template's
 * two scripts and no more.
 */
const DATA_START = 'var nodes = new vis.DataSet(';
const SCRIPT_END = '</script>';
const TEMPLATE_SCRIPTS = 2;

export function escapeGraphData(html: string): string {
  const start = html.indexOf(DATA_START);
  if (start === -1) return html; // the page that says there is nothing to show
  const end = html.lastIndexOf(SCRIPT_END);
  const data = html.slice(start, end).replace(/</g, '\\u003c');
  const escaped = html.slice(0, start) + data + html.slice(end);
  if (
    (escaped.match(/<script/gi) ?? []).length !== TEMPLATE_SCRIPTS ||
    (escaped.match(/<\/script/gi) ?? []).length !== TEMPLATE_SCRIPTS
  ) {
    throw new Error(
      'the page j1-integration visualize wrote is not laid out as SDK 8.41 lays it out: not safe to open',
    );
  }
  return escaped;
}

/** Writes and escapes the page of the graph `collect` wrote in `folder`. */
function writeGraphPage(folder: string) {
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
    writeGraphPage(collectionFolder(process.argv[2]));
  } catch (err) {
    console.error(`npm run graph: ${(err as Error).message}`);
    process.exitCode = 1;
  }
}
