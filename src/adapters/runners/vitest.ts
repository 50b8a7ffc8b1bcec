import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { acceptSeconds } from '../../core/duration.js'
import { fileOfId, normalizeFileId } from '../../core/ids.js'
import type { FileTiming } from '../../core/outcomes.js'
import { jestLikeInvocations, parseListedPaths, readJestLikeReport } from './jest.js'
import { bundledReporterPath } from './reporter-path.js'
import { rootsOf } from './roots.js'
import type { Invocation, RunnerAdapter } from './types.js'

/** Where the timing reporter writes for an invocation whose JSON report is `report`. */
const TIMING_VARIABLE = 'SHARDWISE_VITEST_TIMING'

/**
 * Reads what Shardwise's timing reporter wrote: each file's environment, preparation,
 * collection, setup and test time. Unreadable or missing (an old Vitest, a crash): no timings,
 * and the cost model falls back to the tests' time plus a share of the shard's overhead.
 */
async function readTimings(invocation: Invocation, cwd: string): Promise<FileTiming[]> {
  const path = invocation.env?.[TIMING_VARIABLE]
  if (path === undefined) return []
  let data: unknown
  try {
    data = JSON.parse(await readFile(path, 'utf8'))
  } catch {
    return []
  }
  const files = (data as { files?: unknown } | null)?.files
  if (!Array.isArray(files)) return []
  const out: FileTiming[] = []
  for (const entry of files as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue
    const { file, ms, startMs } = entry as Record<string, unknown>
    if (typeof file !== 'string' || typeof ms !== 'number') continue
    const seconds = acceptSeconds(ms / 1000)
    if (seconds === undefined || seconds <= 0) continue
    out.push({
      file: normalizeFileId(file, { roots: rootsOf(cwd) }),
      seconds,
      ...(typeof startMs === 'number' && Number.isFinite(startMs) ? { startMs } : {}),
    })
  }
  return out
}

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
  itemsArePaths: true,
  listsFilesCheaply: true,
  invocations(input) {
    const command = runOnce(input.command)
    const roots = rootsOf(input.cwd)
    const root = roots[roots.length - 1] ?? input.cwd
    // A file URL: Vitest imports the reporter as a module, and `#` or `%` in a path would not
    // survive as a bare path.
    const timing = pathToFileURL(bundledReporterPath('vitest-timing')).href
    return jestLikeInvocations(
      input,
      (report) => [
        ...command,
        '--reporter=default',
        '--reporter=json',
        `--reporter=${timing}`,
        `--outputFile.json=${report}`,
      ],
      (n) => join(input.reportDir, `vitest-${n}.json`),
      { before: [], file: (f) => resolve(root, f) },
      '-t',
      (report) => ({ [TIMING_VARIABLE]: report.replace(/\.json$/, '.timing.json') }),
    )
  },
  async readOutcomes(invocation, input) {
    const outcomes = await readJestLikeReport('vitest', invocation, input, () =>
      invocation.argv
        .findLast((a) => a.startsWith('--outputFile.json='))
        ?.slice('--outputFile.json='.length),
    )
    // Only the files this invocation asked for (Vitest's filters may run others).
    const own = new Set([...outcomes.tests.map((t) => t.file), ...input.items.map(fileOfId)])
    const files = (await readTimings(invocation, input.cwd)).filter((t) => own.has(t.file))
    return { ...outcomes, files }
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
