import { realpathSync } from 'node:fs'
import { rootsOf } from './roots.js'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileOfId, splitTestId } from '../../core/ids.js'
import { parsePlaywrightOutcomes } from '../../core/outcomes/playwright.js'
import { argumentBytes, chunkByArgumentBytes, escapeRegExp } from './args.js'
import type { RunnerAdapter } from './types.js'

/**
 * Regular-expression source matching `text` literally. Every ASCII character but letters and
 * digits is escaped, line terminators as `\uXXXX`, so that the source holds no character
 * that Playwright's `/…/` argument syntax (which is `.`-based) cannot carry.
 */
function literalSource(text: string): string {
  let out = ''
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    if (/[A-Za-z0-9]/.test(char) || (code > 0x7f && code !== 0x2028 && code !== 0x2029)) {
      out += char
    } else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16).padStart(4, '0')}`
    } else {
      out += `\\${char}`
    }
  }
  return out
}

/** The absolute paths Playwright may see for a file: from `cwd` and from its real path. */
function absolutePaths(cwd: string, file: string): string[] {
  const plain = resolve(cwd, file)
  let real = plain
  try {
    real = resolve(realpathSync(cwd), file)
  } catch {
    // The directory is gone: the plain path is all there is.
  }
  return real === plain ? [plain] : [plain, real]
}

/**
 * Playwright's file filter for exactly one file. Playwright reads each positional argument as
 * a regular expression tested against the absolute path of every test file, by default with
 * the flags `gi` (so `A.spec.ts` would also select `a.spec.ts`) and unanchored (`a.spec.ts`
 * would also select `data.spec.ts`). The `/source/` form sets the flags: none here, and the
 * source is anchored at both ends. It never ends in `:<digits>`, which Playwright would read
 * as a line number.
 */
export function playwrightFileFilter(cwd: string, file: string): string {
  const paths = absolutePaths(cwd, file).map(literalSource)
  return `/^(?:${paths.join('|')})$/`
}

/**
 * Playwright Test: each file goes as an exact, anchored, case-sensitive pattern of its absolute
 * path (see `playwrightFileFilter`). Results come from the `json` reporter (beside the `list`
 * reporter for the terminal), written where `PLAYWRIGHT_JSON_OUTPUT_FILE` says (Playwright ≥
 * 1.46; older versions read `PLAYWRIGHT_JSON_OUTPUT_NAME` as the path).
 */
export const playwright: RunnerAdapter = {
  name: 'playwright',
  selectsTests: false,
  itemsArePaths: true,
  invocations({ command, items, reportDir, cwd }) {
    const files = [...new Set(items.map(fileOfId))].sort()
    const tests = items.filter((i) => splitTestId(i) !== undefined)
    const titles = tests.map((id) => (splitTestId(id)?.rest ?? '').split('::').pop() ?? '')
    const grep =
      tests.length > 0 && tests.length === items.length
        ? ['--grep', `(?:${[...new Set(titles)].map(escapeRegExp).join('|')})$`]
        : []
    const fixed = [...command, '--reporter=list,json', ...grep]
    const chunks = chunkByArgumentBytes(files, argumentBytes(fixed), (f) =>
      Buffer.byteLength(playwrightFileFilter(cwd, f)),
    )
    return chunks.map((chunk, n) => ({
      argv: [...fixed, ...chunk.map((f) => playwrightFileFilter(cwd, f))],
      env: {
        PLAYWRIGHT_JSON_OUTPUT_FILE: join(reportDir, `playwright-${n}.json`),
        PLAYWRIGHT_JSON_OUTPUT_NAME: join(reportDir, `playwright-${n}.json`),
      },
    }))
  },
  async readOutcomes(invocation, { cwd }) {
    const output = invocation.env?.PLAYWRIGHT_JSON_OUTPUT_FILE
    if (output === undefined) return { tests: [], fileFailures: [] }
    try {
      return parsePlaywrightOutcomes(JSON.parse(await readFile(output, 'utf8')), {
        roots: rootsOf(cwd),
      })
    } catch {
      // No report (Playwright was killed or could not start): every item shows as missing.
      return { tests: [], fileFailures: [] }
    }
  },
  list: {
    argv: (command) => [...command, '--list', '--reporter=json'],
    parse: (stdout, cwd) => {
      const outcomes = parsePlaywrightOutcomes(JSON.parse(stdout.slice(stdout.indexOf('{'))), {
        roots: rootsOf(cwd),
      })
      return [...new Set(outcomes.tests.map((t) => t.file))].sort()
    },
    // The report destinations of the real runs would swallow the listing's JSON.
    dropEnv: [
      'PLAYWRIGHT_JSON_OUTPUT_FILE',
      'PLAYWRIGHT_JSON_OUTPUT_NAME',
      'PLAYWRIGHT_JSON_OUTPUT_DIR',
    ],
  },
}
