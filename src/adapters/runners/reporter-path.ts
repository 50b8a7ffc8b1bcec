import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The path of one of Shardwise's reporters (`<name>.<extension>`), which runners load by path
 * at run time: `dist/reporters/` in the bundle, `src/reporters/` when run from source.
 */
export function bundledReporterPath(name: string, extension = 'mjs'): string {
  // Built from parts at run time: a literal path would be taken over by the bundler, which
  // rewrites it into a copy that the runner can no longer load as a reporter.
  const file = [name, extension].join('.')
  const here = dirname(fileURLToPath(import.meta.url))
  const candidates = [
    join(here, '..', 'reporters', file), // dist/cli/index.js → dist/reporters
    join(here, 'reporters', file), // dist/index.js → dist/reporters
    join(here, '..', '..', 'reporters', file), // src/adapters/runners → src/reporters
  ]
  const found = candidates.find((path) => existsSync(path))
  if (found === undefined) {
    throw new Error(`Shardwise's reporter reporters/${file} is missing from the installation`)
  }
  return found
}
