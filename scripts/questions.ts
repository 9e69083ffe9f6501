/* eslint-disable no-console */
import path from 'path';
import { readGraph } from './lib/collect';
import { runJ1ql } from './lib/j1ql';
import { loadQuestions } from './lib/questions';

/** Rows printed for each query; the rest are counted. */
const ROWS_SHOWN = 10;

/**
 * What the managed questions find in a collection (`npm start` writes one
 * to `.j1-integration`), read with this project's reader of the J1QL they
 * use (scripts/lib/j1ql.ts), before any of it reaches JupiterOne. A
 * preview: JupiterOne itself may read a query differently, and links users
 * to people by its own rules too.
 */
async function main(
  folder = path.resolve(process.argv[2] ?? '.j1-integration'),
) {
  const graph = await readGraph(path.join(folder, 'graph'));
  for (const { title, queries } of loadQuestions()) {
    console.log(`\n${title}`);
    for (const { name, query, resultsAre } of queries) {
      const rows = runJ1ql(query, graph);
      console.log(`  ${name} (${resultsAre}): ${rows.length}`);
      if (rows.length > 0)
        console.log(`    ${Object.keys(rows[0]).join(' | ')}`);
      for (const row of rows.slice(0, ROWS_SHOWN)) {
        const cells = Object.entries(row).map(([column, value]) =>
          shown(column, value),
        );
        console.log(`    ${cells.join(' | ')}`);
      }
      if (rows.length > ROWS_SHOWN) {
        console.log(`    … and ${rows.length - ROWS_SHOWN} more`);
      }
    }
  }
}

/** A cell: lists joined, dates (`…On`, `…Date`, epoch ms) as ISO dates. */
function shown(column: string, value: unknown): string {
  if (value === undefined || value === null) return '-';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'number' && /(On|Date)$/.test(column)) {
    return new Date(value).toISOString();
  }
  return String(value);
}

main().catch((err: Error) => {
  console.error(`npm run questions: ${err.message}`);
  process.exitCode = 1;
});
