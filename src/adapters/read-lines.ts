import { createReadStream } from 'node:fs'
import { StringDecoder } from 'node:string_decoder'

/**
 * Calls `onLine` for each line of a file (without its `\n`), reading it as a stream: memory
 * holds one line at a time whatever the file's size. A line longer than `maxLineChars` is
 * passed cut to that length (its rest is skipped), so one endless line cannot exhaust memory.
 */
export async function forEachLine(
  path: string,
  onLine: (line: string) => void,
  maxLineChars = 4 * 1024 * 1024,
): Promise<void> {
  const decoder = new StringDecoder('utf8')
  // An object, not two lets: the closure below changes both.
  const state = { pending: '', skipping: false }
  const take = (text: string) => {
    let from = 0
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', from)) {
      const piece = text.slice(from, end)
      if (!state.skipping)
        onLine(state.pending === '' ? piece : (state.pending + piece).slice(0, maxLineChars))
      state.pending = ''
      state.skipping = false
      from = end + 1
    }
    if (state.skipping) return
    state.pending += text.slice(from)
    if (state.pending.length > maxLineChars) {
      onLine(state.pending.slice(0, maxLineChars))
      state.pending = ''
      state.skipping = true
    }
  }
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>)
    take(decoder.write(chunk))
  take(decoder.end())
  if (state.pending !== '' && !state.skipping) onLine(state.pending)
}
