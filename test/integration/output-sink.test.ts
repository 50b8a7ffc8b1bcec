import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { outputSink } from '../../src/adapters/output-stream.js'

/** A stream that keeps what it is given, and can be made to fail as a closed pipe does. */
function recorder(): Writable & { text: () => string } {
  const chunks: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString())
      done()
    },
  })
  return Object.assign(stream, { text: () => chunks.join('') })
}

describe('outputSink', () => {
  it('watches a stream with one error listener however many sinks write to it', () => {
    const stream = recorder()
    const before = stream.listenerCount('error')
    // An action step runs many times in one test process; each makes its sinks anew.
    for (let i = 0; i < 25; i++) outputSink(stream, { wholeLines: true }).write(`line ${i}\n`)
    expect(stream.listenerCount('error')).toBe(before + 1)
    expect(stream.text().split('\n')).toHaveLength(26)
  })

  it('stops every sink on a stream once the stream fails (a reader that went away)', async () => {
    const stream = recorder()
    const first = outputSink(stream)
    const second = outputSink(stream)
    first.write('before\n')
    stream.destroy(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))
    await new Promise((resolve) => setImmediate(resolve))
    expect(first.closed).toBe(true)
    expect(second.closed).toBe(true)
    second.write('after\n')
    expect(stream.text()).toBe('before\n')
  })

  it('guards what it writes: a workflow command at a line start is defused', () => {
    const stream = recorder()
    outputSink(stream).write('ok\n::add-mask::secret\n')
    expect(stream.text()).toBe('ok\n\u200b::add-mask::secret\n')
  })
})
