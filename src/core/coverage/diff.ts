import { normalizeFileId } from '../ids.js'
import { compareStrings, type CoverageModel } from './model.js'
import { percentOf } from './summary.js'

/** Diff coverage: the added lines of a unified diff, and how many of them the tests ran. */

export interface UnifiedDiffOptions {
  /** The new side's path prefix (`git diff` default `b/`; `''` for `--no-prefix`). */
  readonly prefix?: string
}

function decodeUtf8(bytes: readonly number[]): string {
  return new TextDecoder('utf-8').decode(new Uint8Array(bytes))
}

const C_ESCAPES: ReadonlyMap<string, number> = new Map([
  ['a', 7],
  ['b', 8],
  ['t', 9],
  ['n', 10],
  ['v', 11],
  ['f', 12],
  ['r', 13],
  ['"', 34],
  ['\\', 92],
])

/** Git's C-style quoting (`"caf\303\251 x.txt"`): octal escapes are UTF-8 bytes. */
function unquoteGitPath(quoted: string): string | undefined {
  const bytes: number[] = []
  const encoder = new TextEncoder()
  let i = 1
  while (i < quoted.length) {
    const c = quoted[i] ?? ''
    if (c === '"') return decodeUtf8(bytes)
    if (c === '\\') {
      const octal = /^[0-7]{1,3}/.exec(quoted.slice(i + 1, i + 4))?.[0]
      if (octal !== undefined) {
        bytes.push(parseInt(octal, 8) & 0xff)
        i += 1 + octal.length
        continue
      }
      const escaped = C_ESCAPES.get(quoted[i + 1] ?? '')
      if (escaped === undefined) return undefined
      bytes.push(escaped)
      i += 2
      continue
    }
    const codePoint = quoted.codePointAt(i) ?? 0
    const char = String.fromCodePoint(codePoint)
    bytes.push(...encoder.encode(char))
    i += char.length
  }
  return undefined
}

/** The path of a `+++ ` line, or `undefined` for `/dev/null` (a deleted file). */
function diffPath(raw: string, prefix: string): string | undefined {
  let path: string | undefined
  if (raw.startsWith('"')) path = unquoteGitPath(raw)
  else {
    // git appends a tab to names containing a space; GNU diff puts a timestamp after a tab.
    const tab = raw.indexOf('\t')
    path = tab < 0 ? raw : raw.slice(0, tab)
  }
  if (path === undefined || path === '/dev/null') return undefined
  if (prefix !== '' && path.startsWith(prefix)) path = path.slice(prefix.length)
  const id = normalizeFileId(path)
  return id === '.' ? undefined : id
}

const HUNK = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/

/**
 * The added lines of each file in a unified diff (`git diff --unified=0 base...head`; any
 * context size works): new path → new-side line numbers. Renames take the new name, deleted
 * files and pure renames contribute nothing, quoted paths (spaces, Unicode, as git prints them)
 * are unquoted, and paths are NFC like the coverage model's. Hunk bodies are read by their
 * header's counts, so an added line that itself starts with `++` is never taken for a header.
 */
export function parseUnifiedDiff(
  text: string,
  options: UnifiedDiffOptions = {},
): Map<string, Set<number>> {
  const prefix = options.prefix ?? 'b/'
  const changed = new Map<string, Set<number>>()
  let file: string | undefined
  let oldLeft = 0
  let newLeft = 0
  let newLine = 0
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (oldLeft > 0 || newLeft > 0) {
      const c = line[0]
      if (c === '+' && newLeft > 0) {
        if (file !== undefined) {
          const lines = changed.get(file)
          if (lines) lines.add(newLine)
          else changed.set(file, new Set([newLine]))
        }
        newLine++
        newLeft--
        continue
      }
      if (c === '-' && oldLeft > 0) {
        oldLeft--
        continue
      }
      if ((c === ' ' || line === '') && oldLeft > 0 && newLeft > 0) {
        newLine++
        newLeft--
        oldLeft--
        continue
      }
      if (c === '\\') continue // "\ No newline at end of file"
      // The hunk is shorter than its header said: read this line as a header.
      oldLeft = 0
      newLeft = 0
    }
    if (line.startsWith('diff --git ') || line.startsWith('diff --cc ')) {
      file = undefined
      continue
    }
    if (line.startsWith('+++ ')) {
      file = diffPath(line.slice(4), prefix)
      continue
    }
    const hunk = HUNK.exec(line)
    if (hunk) {
      oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1])
      newLine = Number(hunk[2])
      newLeft = hunk[3] === undefined ? 1 : Number(hunk[3])
    }
  }
  return changed
}

export interface DiffFileCoverage {
  readonly file: string
  /** Added lines in the diff. */
  readonly changedLines: number
  /** Of those, the lines the coverage model instruments. */
  readonly instrumented: number
  readonly hit: number
  /** Instrumented changed lines with no hits, ascending. */
  readonly missedLines: readonly number[]
}

export interface DiffCoverage {
  /** Changed files that are in the coverage model, sorted by path. */
  readonly files: readonly DiffFileCoverage[]
  readonly total: {
    readonly changedLines: number
    readonly instrumented: number
    readonly hit: number
    /** `hit / instrumented × 100`; `undefined` when no changed line is instrumented. */
    readonly percent: number | undefined
  }
}

/**
 * Coverage of the changed lines: of the added lines the model instruments, how many ran.
 * Changed lines that are not instrumented (comments, files without coverage) count in
 * `changedLines` only.
 */
export function diffCoverage(
  model: CoverageModel,
  changedLines: ReadonlyMap<string, ReadonlySet<number>>,
): DiffCoverage {
  const files: DiffFileCoverage[] = []
  let changed = 0
  let instrumented = 0
  let hit = 0
  for (const path of [...changedLines.keys()].sort(compareStrings)) {
    const lines = changedLines.get(path)
    if (!lines) continue
    changed += lines.size
    const file = model.get(path)
    if (!file) continue
    let fileInstrumented = 0
    let fileHit = 0
    const missed: number[] = []
    for (const line of lines) {
      const hits = file.lines.get(line)
      if (hits === undefined) continue
      fileInstrumented++
      if (hits > 0) fileHit++
      else missed.push(line)
    }
    instrumented += fileInstrumented
    hit += fileHit
    files.push({
      file: path,
      changedLines: lines.size,
      instrumented: fileInstrumented,
      hit: fileHit,
      missedLines: missed.sort((a, b) => a - b),
    })
  }
  return {
    files,
    total: { changedLines: changed, instrumented, hit, percent: percentOf(hit, instrumented) },
  }
}
