import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { generic } from './generic.js'
import { goTest } from './go.js'
import { jest } from './jest.js'
import { mocha } from './mocha.js'
import { nodeTest } from './node-test.js'
import { playwright } from './playwright.js'
import { pytest } from './pytest.js'
import type { RunnerAdapter, RunnerName } from './types.js'
import { vitest } from './vitest.js'

/**
 * Every runner, by name. A runner is one file in this folder implementing `RunnerAdapter`: how
 * it is invoked, how its outcomes are read (with a parser of its report format from
 * src/core/outcomes/), how it lists its tests, and its capabilities as flags; shared argument
 * helpers are in args.ts. Adding one means that file, its name in types.ts, an entry here and
 * in `runnerFromWords`, and its first-run costs in typical.ts: the modes need no change.
 */
export const RUNNERS: Readonly<Record<RunnerName, RunnerAdapter>> = {
  jest,
  vitest,
  playwright,
  mocha,
  node: nodeTest,
  pytest,
  go: goTest,
  generic,
}

function base(token: string): string {
  return token.slice(token.lastIndexOf('/') + 1).replace(/\.(?:c|m)?js$/, '')
}

/** Tells the runner from the words of a command (`npx jest --ci`, `python -m pytest`, `go test ./...`). */
export function runnerFromWords(words: readonly string[]): RunnerName {
  const names = words.map(base)
  if (names.includes('vitest')) return 'vitest'
  if (names.includes('jest')) return 'jest'
  if (names.includes('playwright') && names.includes('test')) return 'playwright'
  if (names.includes('mocha') || names.includes('_mocha')) return 'mocha'
  if (names.includes('pytest') || names.includes('py.test')) return 'pytest'
  const go = names.indexOf('go')
  if (go >= 0 && names[go + 1] === 'test') return 'go'
  if (names.some((n) => n === 'node' || n === 'nodejs') && words.includes('--test')) return 'node'
  return 'generic'
}

export interface ResolvedCommand {
  readonly runner: RunnerName
  /** The command to extend with the runner's arguments. */
  readonly command: readonly string[]
}

const PACKAGE_MANAGERS = new Set(['npm', 'pnpm', 'yarn'])

/**
 * Resolves the runner for a command. `npm test` / `npm run X` / `pnpm X` / `yarn X` are looked
 * up in package.json's scripts to find the runner behind them; npm needs `--` before the
 * arguments it should pass on.
 */
export async function resolveRunner(
  command: readonly string[],
  cwd: string,
  forced: RunnerName | 'auto',
): Promise<ResolvedCommand> {
  const [first, ...rest] = command
  let words: readonly string[] = command
  let extended = command
  if (first !== undefined && PACKAGE_MANAGERS.has(base(first))) {
    const script = rest[0] === 'run' || rest[0] === 'run-script' ? rest[1] : rest[0]
    if (script !== undefined) {
      try {
        const manifest = JSON.parse(await readFile(join(cwd, 'package.json'), 'utf8')) as {
          scripts?: Record<string, unknown>
        }
        const text = manifest.scripts?.[script]
        if (typeof text === 'string') words = text.split(/\s+/)
      } catch {
        // No package.json: the words of the command are all there is.
      }
      if (base(first) === 'npm' && !rest.includes('--')) extended = [...command, '--']
    }
  }
  const runner = forced === 'auto' ? runnerFromWords(words) : forced
  return { runner, command: extended }
}
