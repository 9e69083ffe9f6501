import { readdirSync, readFileSync } from 'fs';
import { builtinModules } from 'module';
import path from 'path';
import { PROJECT_ROOT } from '../scripts/lib/collect';

/**
 * The Dockerfile installs production dependencies only (`npm ci
 * --omit=dev`) next to the compiled code: a package the code loads that is
 * only a development dependency would be missing from the image.
 */
const packageJson = JSON.parse(
  readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'),
) as { dependencies: Record<string, string> };

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /(?<!\.test)\.ts$/.test(entry.name) ? [full] : [];
  });
}

function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function packagesImportedBy(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/\bfrom '([^'.][^']*)'/g)]
    .map((match) => packageOf(match[1]))
    .filter((name) => !builtinModules.includes(name.replace(/^node:/, '')));
}

test('every package the integration loads is a production dependency', () => {
  const imported = new Set(
    sourceFiles(path.join(PROJECT_ROOT, 'src')).flatMap(packagesImportedBy),
  );
  expect([...imported]).toContain('@jupiterone/integration-sdk-core');
  const missing = [...imported].filter(
    (name) => !(name in packageJson.dependencies),
  );
  expect(missing).toEqual([]);
});

test('the CLI that runs the image is a production dependency, pinned', () => {
  expect(packageJson.dependencies['@jupiterone/integration-sdk-cli']).toBe(
    '8.41.0',
  );
});
