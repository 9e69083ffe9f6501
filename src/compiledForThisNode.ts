/**
 * `j1-integration` compiles `src/` with ts-node as it starts, with the
 * compiler options of the first tsconfig.json it finds from the working
 * directory up. Run from outside this project, it finds none and compiles
 * for ES5, where `for…of` over a Map or a Set iterates nothing: steps would
 * succeed with most relationships silently left out, and JupiterOne would
 * delete them; classes extending the SDK's errors break too. What gives ES5
 * away is a class compiled into a function. Imported first by
 * src/index.ts, so that loading stops here.
 */
// A namespace import: a default one needs the very options that are missing.
import * as path from 'path';

if (!String(class {}).startsWith('class')) {
  const project = path.resolve(__dirname, '..');
  throw new Error(
    `src/ was compiled without this project's tsconfig.json, which ts-node looks for from the working directory up: run j1-integration from ${project}, or build it (npm run build) and collect with --project-path ${path.join(
      project,
      'dist',
    )}`,
  );
}
