import { readdirSync, readFileSync } from 'fs';
import path from 'path';

const stepFolders = readdirSync(__dirname, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

function importedPaths(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
}

/** What a step folder shares with others lives in src/steps/ itself. */
test('no step folder imports another step folder', () => {
  const crossings = stepFolders.flatMap((folder) =>
    readdirSync(path.join(__dirname, folder))
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) =>
        importedPaths(path.join(__dirname, folder, file))
          .filter(
            (imported) =>
              imported.startsWith('../') &&
              stepFolders.includes(imported.split('/')[1]),
          )
          .map((imported) => `${folder}/${file} imports ${imported}`),
      ),
  );
  expect(stepFolders.length).toBeGreaterThan(5);
  expect(crossings).toEqual([]);
});
