/**
 * Text Shardwise prints from untrusted sources — the test command's output, test and file
 * names, artifact paths, messages from reports — can reach a GitHub Actions job log, where
 * the runner acts on two kinds of line:
 *
 * - `::name args::data`: a line whose first character after white space is `::`. The runner
 *   trims with .NET's `TrimStart()`, which removes every Unicode white space (`\v`, `\f`,
 *   NBSP, U+3000, U+2028…), and reads lines ending at `\n`, `\r\n` **or a lone `\r`**.
 * - `##[name args]data`: anywhere in a line.
 *
 * Either can add masks, stop command processing or forge annotations. The guard puts a
 * zero-width space (U+200B) before the first `:` of a line that starts (after white space)
 * with `:`, and between `##` and `[`. That breaks both forms whether the runner compares
 * ordinally (the marker is a different character) or with ICU collation, which ignores
 * U+200B: the runner then still finds the prefix, but reads the command name one character
 * late, starting with `:` or `[`, which names no command.
 *
 * The guard keeps its state across chunks (a command split over two writes is caught) and
 * never holds text back, so it can sit on a live stream; apart from inserted U+200B the
 * text is unchanged.
 */
export function workflowCommandGuard(): (text: string) => string {
  let lineStart = true // nothing but white space since the last line end
  let hashes = 0 // `#` characters just before, on this line (at most 2 counted)
  /** Moves the state over `text` from `from` on, without marking anything. */
  const advance = (text: string, from: number) => {
    for (let i = from; i < text.length; i++) {
      const code = text.charCodeAt(i)
      if (lineStart && isLeadingSpace(code)) continue
      lineStart = false
      hashes = code === HASH ? Math.min(hashes + 1, 2) : 0
    }
  }
  /** Whether nothing in `text` needs a mark, given the state it starts in. */
  const harmless = (text: string) =>
    !(lineStart && COLON_FIRST.test(text)) &&
    !(hashes === 2 && text.startsWith('[')) &&
    !(hashes > 0 && text.startsWith('#[')) &&
    !DANGER.test(text)
  return (text: string): string => {
    // Fast path for long clean text (a plan's JSON): one regular expression decides, and only
    // the last line is walked to carry the state over to the next chunk.
    if (text.length > FAST_PATH_LENGTH && harmless(text)) {
      const end = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'))
      if (end >= 0) {
        lineStart = true
        hashes = 0
      }
      advance(text, end + 1)
      return text
    }
    let out = ''
    let copied = -1 // -1: nothing marked yet
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      if (code === LF || code === CR) {
        lineStart = true
        hashes = 0
        continue
      }
      if (lineStart) {
        if (isLeadingSpace(code)) continue
        lineStart = false
        if (code === COLON) {
          out += text.slice(Math.max(copied, 0), i) + MARK
          copied = i
          continue
        }
      }
      if (code === HASH) {
        if (hashes < 2) hashes++
      } else {
        if (code === BRACKET && hashes === 2) {
          out += text.slice(Math.max(copied, 0), i) + MARK
          copied = i
        }
        hashes = 0
      }
    }
    return copied < 0 ? text : out + text.slice(copied)
  }
}

/** One string on its own (a message, a name): the guard from a line start. */
export function neutraliseWorkflowCommands(text: string): string {
  return workflowCommandGuard()(text)
}

/**
 * JSON text made safe for a job log without changing its value: `##[` can only occur inside
 * a string there, where `#` may be written `\u0023`. (A JSON line never starts with `:`.)
 */
export function jsonForLog(json: string): string {
  return json.includes('##[') ? json.replace(/#(?=#\[)/g, '\\u0023') : json
}

const MARK = '\u200b'
/** Below this length the character walk is as quick as the regular expressions. */
const FAST_PATH_LENGTH = 4096
/** The characters `isLeadingSpace` accepts, as a regular-expression class. */
const LEADING =
  '[\\t-\\r \\u0085\\u00a0\\u1680\\u180e\\u2000-\\u200d\\u2028\\u2029\\u202f\\u205f\\u2060\\u3000\\ufeff]'
/** A line of the chunk (after its first) that starts with `:`, or `##[` anywhere. */
const DANGER = new RegExp(`##\\[|[\\n\\r]${LEADING}*:`)
/** The chunk's first characters: `:` after leading space only. */
const COLON_FIRST = new RegExp(`^${LEADING}*:`)
const LF = 0x0a
const CR = 0x0d
const COLON = 0x3a
const HASH = 0x23
const BRACKET = 0x5b

/**
 * What .NET's `char.IsWhiteSpace` trims (Unicode Zs, Zl, Zp, `\t`–`\r`, U+0085), plus the
 * invisible format characters that collation ignores (U+180E, U+200B–U+200D, U+2060,
 * U+FEFF): treating a few more characters as leading space only defuses more lines.
 */
function isLeadingSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  if (code < 0x85) return false
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    code === 0x180e ||
    (code >= 0x2000 && code <= 0x200d) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x2060 ||
    code === 0x3000 ||
    code === 0xfeff
  )
}
