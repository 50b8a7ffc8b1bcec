/**
 * A model of how the GitHub Actions runner finds workflow commands in a step's output
 * (actions/runner `ActionCommand.TryParseV2` / `TryParse`), for asserting that nothing we
 * print is one.
 *
 * - Lines end at `\n`, `\r\n` or a lone `\r` (.NET `StreamReader.ReadLine`).
 * - `::name …::data`: the line after `TrimStart()` (every Unicode white space) starts with
 *   `::`; the name is read from index 2 to the next space or `::`.
 * - `##[name …]data`: anywhere in the line; the name is read from 3 past the prefix.
 *
 * The runner compares with the current culture, which under ICU ignores invisible format
 * characters (U+200B…): the model checks both an ordinal and such an ignoring match, and in
 * both cases asks whether the name read at the runner's fixed offset is a real command.
 */

const COMMANDS = new Set([
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'stop-commands',
  'warning',
])

const SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/
const IGNORABLE = /[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/

function trimStart(line: string): string {
  let i = 0
  while (i < line.length && SPACE.test(line[i] ?? '')) i++
  return line.slice(i)
}

/** Does `text`, from its start, match `prefix` when ignorable characters are skipped? */
function matchesIgnoring(text: string, prefix: string): boolean {
  let j = 0
  for (let i = 0; i < text.length && j < prefix.length; i++) {
    const c = text[i] ?? ''
    if (c === prefix[j]) j++
    else if (!IGNORABLE.test(c)) return false
  }
  return j === prefix.length
}

function isCommand(name: string): boolean {
  return COMMANDS.has(name.toLowerCase())
}

/**
 * The lines the runner would act on in this output (empty when none). Stricter than the
 * runner: a command name at the offset it reads is enough, whatever follows it.
 */
export function runnerCommands(output: string): string[] {
  const found: string[] = []
  const nameAt = (text: string, at: number) => /^[A-Za-z-]*/.exec(text.slice(at))?.[0] ?? ''
  for (const line of output.split(/\r\n|\r|\n/)) {
    const trimmed = trimStart(line)
    if (matchesIgnoring(trimmed, '::') && isCommand(nameAt(trimmed, 2))) found.push(line)
    for (let i = line.indexOf('#'); i >= 0; i = line.indexOf('#', i + 1)) {
      if (matchesIgnoring(line.slice(i), '##[') && isCommand(nameAt(line, i + 3))) {
        found.push(line)
        break
      }
    }
  }
  return found
}
