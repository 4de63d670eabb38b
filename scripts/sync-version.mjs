// After `changeset version` bumps package.json, write the same version into the sources that
// report it at run time (showConfig and the TypeScript backend's info()).
import { readFileSync, writeFileSync } from 'node:fs';

const version = JSON.parse(readFileSync('packages/core/package.json', 'utf8')).version;
for (const file of ['packages/core/src/version.ts', 'packages/backend-js/src/version.ts']) {
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/VERSION = '[^']*'/, `VERSION = '${version}'`));
}
console.log(`version ${version} written to the sources`);
