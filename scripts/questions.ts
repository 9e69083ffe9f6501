/* eslint-disable no-console */
import path from 'path';
import {
  collectionFolder,
  readGraph,
  readSummary,
  Summary,
} from './lib/collect';
import { Graph, runJ1ql } from './lib/j1ql';
import { loadQuestions } from './lib/questions';

/** Rows printed for each query unless `--all`; the rest are counted. */
const ROWS_SHOWN = 10;

const PREVIEW = `A preview of the managed questions (jupiterone/questions/questions.yaml),
read with this project's reader of the J1QL they use (scripts/lib/j1ql.ts):
JupiterOne may read a query differently, and lists a Person only when another
integration (an identity provider, say) has created it.`;

/**
 * What the managed questions find in a collection (`npm start` writes one
 * to `.j1-integration`) before any of it reaches JupiterOne.
 *
 * Usage: npm run questions [-- <folder holding graph/>] [--all]
 */
async function main(args: string[]) {
  const options = args.filter((arg) => arg.startsWith('-'));
  const unknown = options.find((option) => option !== '--all');
  if (unknown) {
    throw new Error(
      `${unknown}? Usage: npm run questions [-- <folder holding graph/>] [--all]`,
    );
  }
  const all = options.includes('--all');
  const folder = collectionFolder(args.find((arg) => !arg.startsWith('-')));
  const graph = await readCollection(folder);
  console.log(`${PREVIEW}\n\nCollection: ${folder}`);
  for (const warning of [
    ...(await partialCollection(folder)),
    ...unreadProperties(graph),
  ]) {
    console.log(`Warning: ${warning}`);
  }
  for (const { title, queries } of loadQuestions()) {
    console.log(`\n${title}`);
    for (const { name, query, resultsAre } of queries) {
      printRows(name, resultsAre, runJ1ql(query, graph), all);
    }
  }
}

async function readCollection(folder: string): Promise<Graph> {
  const graphFolder = path.join(folder, 'graph');
  const graph = await readGraph(graphFolder);
  if (!graph.entities.some(({ _type }) => _type === 'salesforce_user')) {
    throw new Error(
      `${graphFolder} holds no salesforce_user: the collection has no users, so no question can be answered`,
    );
  }
  return graph;
}

/** What summary.json says was left out, which JupiterOne would keep as before. */
async function partialCollection(folder: string): Promise<string[]> {
  let summary: Summary;
  try {
    summary = await readSummary(folder);
  } catch {
    return ['no summary.json: whether every step succeeded is unknown'];
  }
  const failed = summary.integrationStepResults
    .filter(({ status }) => status !== 'success')
    .map(({ id, status }) => `${id} (${status})`);
  const partial = summary.metadata?.partialDatasets?.types ?? [];
  return failed.length > 0 || partial.length > 0
    ? [
        `the collection is partial: steps ${failed.join(
          ', ',
        )}; types ${partial.join(
          ', ',
        )}. JupiterOne would keep its earlier data of those types, so answers about them below are incomplete and would differ there`,
      ]
    : [];
}

/** Properties no user has, whose questions then find no one. */
function unreadProperties(graph: Graph): string[] {
  const users = graph.entities.filter(
    ({ _type }) => _type === 'salesforce_user',
  );
  return ['frozen', 'mfaEnabled']
    .filter((property) => users.every((user) => user[property] === undefined))
    .map(
      (property) =>
        `no user has \`${property}\` (the integration user could not read it): questions on it find no one, which does not mean there is no one`,
    );
}

function printRows(
  name: string,
  resultsAre: string,
  rows: Record<string, unknown>[],
  all: boolean,
): void {
  console.log(`  ${name} (${resultsAre}): ${rows.length}`);
  if (rows.length === 0) return;
  console.log(`    ${Object.keys(rows[0]).join(' | ')}`);
  const lines = rows
    .map((row) =>
      Object.entries(row)
        .map(([column, value]) => shown(column, value))
        .join(' | '),
    )
    // Graph files come in no set order: sorted, runs compare.
    .sort();
  for (const line of all ? lines : lines.slice(0, ROWS_SHOWN)) {
    console.log(`    ${line}`);
  }
  if (!all && lines.length > ROWS_SHOWN) {
    console.log(
      `    … and ${lines.length - ROWS_SHOWN} more (--all shows them)`,
    );
  }
}

/**
 * A cell: lists joined, dates (`…On`, `…Date`, epoch ms) as ISO dates,
 * control characters a name may hold shown escaped, not sent to the
 * terminal.
 */
function shown(column: string, value: unknown): string {
  if (value === undefined || value === null) return '-';
  if (Array.isArray(value)) return value.map(String).map(escaped).join(', ');
  if (typeof value === 'number' && /(On|Date)$/.test(column)) {
    return new Date(value).toISOString();
  }
  return escaped(String(value));
}

function escaped(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (character) =>
    JSON.stringify(character).slice(1, -1),
  );
}

main(process.argv.slice(2)).catch((err: Error) => {
  console.error(`npm run questions: ${err.message}`);
  process.exitCode = 1;
});
