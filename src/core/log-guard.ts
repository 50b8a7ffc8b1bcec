/**
 * The test command's output goes to the job log, where a line starting with `::` (after
 * spaces) is a workflow command: it could set outputs, add masks or stop command processing.
 * Test code is untrusted, so such lines get a zero-width space before the `::`. The guard
 * keeps state across chunks — a command split over two writes is caught too — and holds back
 * only the start of a line that is still nothing but spaces and colons.
 */
export function workflowCommandGuard(): (text: string) => string {
  let pending = '' // the start of the current line, while it is only spaces/tabs and colons
  let atLineStart = true
  return (text: string): string => {
    let out = ''
    for (const c of text) {
      if (!atLineStart) {
        out += c
        if (c === '\n') atLineStart = true
        continue
      }
      if (c === '\n') {
        out += `${pending}\n`
        pending = ''
        continue
      }
      if (c === ' ' || c === '\t' || c === ':') {
        pending += c
        if (/^[ \t]*::$/.test(pending)) {
          out += `${pending.slice(0, -2)}\u200b::`
          pending = ''
          atLineStart = false
        } else if (/[^ \t:]/.test(pending) || /:[ \t]/.test(pending)) {
          out += pending
          pending = ''
          atLineStart = false
        }
        continue
      }
      out += pending + c
      pending = ''
      atLineStart = false
    }
    return out
  }
}
