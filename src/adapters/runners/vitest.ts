import { join, resolve } from 'node:path'
import { jestLikeInvocations, parseListedPaths, readJestLikeReport } from './jest.js'
import { rootsOf } from './roots.js'
import type { RunnerAdapter } from './types.js'

const VITEST = /(^|\/)vitest(\.m?js)?$/
/** Vitest commands that would not run the tests once and exit. */
const NOT_RUN = new Set(['watch', 'dev'])

/**
 * The command in `run` mode: `vitest` → `vitest run`, `vitest watch` → `vitest run`, and a
 * package script (`npm test --`) gets `--run`.
 */
function runOnce(command: readonly string[]): string[] {
  const out = [...command]
  const at = out.findIndex((a) => VITEST.test(a))
  if (at < 0) {
    if (!out.includes('--run')) out.push('--run')
    return out
  }
  const next = out[at + 1]
  if (next === 'run') return out
  if (next !== undefined && NOT_RUN.has(next)) out[at + 1] = 'run'
  else if (!out.includes('--run')) out.splice(at + 1, 0, 'run')
  return out
}

/**
 * Vitest: `vitest run` (never watch mode) with absolute file paths under the real root (Vitest
 * globs real paths; a symlinked root would match nothing). Vitest's file filters are not exact:
 * a file runs when its path starts with a filter (`/r/a.test.ts` also selects `/r/a.test.tsx`)
 * or when its root-relative path, lower-cased, contains the filter's (`a.test.js` also selects
 * `ba.test.js` and `sub/a.test.js`), and no spelling of a path avoids that. So only the outcomes
 * of the asked files count, and any other file it ran is named in a warning: it cost time, and
 * if it failed Vitest exits non-zero. Results come from Vitest's `json` reporter (Jest's shape);
 * single tests run with an anchored `-t` over their full names.
 */
export const vitest: RunnerAdapter = {
  name: 'vitest',
  selectsTests: true,
  invocations(input) {
    const command = runOnce(input.command)
    const roots = rootsOf(input.cwd)
    const root = roots[roots.length - 1] ?? input.cwd
    return jestLikeInvocations(
      input,
      (report) => [
        ...command,
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${report}`,
      ],
      (n) => join(input.reportDir, `vitest-${n}.json`),
      { before: [], file: (f) => resolve(root, f) },
      '-t',
    )
  },
  readOutcomes(invocation, input) {
    return readJestLikeReport('vitest', invocation, input, () =>
      invocation.argv
        .findLast((a) => a.startsWith('--outputFile.json='))
        ?.slice('--outputFile.json='.length),
    )
  },
  list: {
    // `--json` prints `[{"file": "/abs/path"}, …]`: names with spaces or newlines stay whole
    // (the plain listing is one root-relative name per line).
    argv: (command) => {
      const out = [...command]
      const at = out.findIndex((a) => VITEST.test(a))
      if (at < 0) return [...out, 'list', '--filesOnly', '--json']
      const next = out[at + 1]
      if (next === 'run' || (next !== undefined && NOT_RUN.has(next))) out.splice(at + 1, 1)
      out.splice(at + 1, 0, 'list', '--filesOnly', '--json')
      return out
    },
    parse: parseListedPaths,
  },
}
