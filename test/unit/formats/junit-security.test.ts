import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JunitError, JunitParser, parseJunit } from '../../../src/core/formats/junit.js'
import { caseCollector, readFixture } from '../../support/timings.js'

/** A canary HTTP server on 127.0.0.1 that records every path requested of it (THREATS H-CANARY). */
let server: Server
let base = ''
const requests: string[] = []

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '')
    response.end('<!ENTITY leaked "canary-secret">')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise<void>((resolve, reject) =>
    server.close((error) => {
      if (error) reject(error)
      else resolve()
    }),
  )
})

/** Proves the canary answers, so "no request" means the parser made none. */
async function requestsBesidesSentinel(): Promise<string[]> {
  const reply = await fetch(`${base}/sentinel`)
  expect(await reply.text()).toContain('canary-secret')
  return requests.filter((path) => path !== '/sentinel')
}

function junitError(run: () => unknown): JunitError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(JunitError)
    return error as JunitError
  }
  throw new Error('expected a JunitError, but the document parsed')
}

describe('JUnit DTDs and entities (THREATS D1–D3)', () => {
  it('rejects an external entity that points at an HTTP server, naming the file, without fetching it', async () => {
    const xml = [
      '<?xml version="1.0"?>',
      `<!DOCTYPE testsuites [<!ENTITY xxe SYSTEM "${base}/xxe">]>`,
      '<testsuites><testsuite name="a.test.ts"><testcase name="&xxe;" time="1"/></testsuite></testsuites>',
    ].join('\n')
    const error = junitError(() => parseJunit('shard-2/junit-3.xml', xml))
    expect(error.message).toContain('shard-2/junit-3.xml')
    expect(error.message).toMatch(/DTD|DOCTYPE/)
    expect(error.message).not.toContain('canary-secret')
    expect(await requestsBesidesSentinel()).toEqual([])
  })

  it('rejects an external parameter entity without fetching it', async () => {
    const xml = `<!DOCTYPE r [<!ENTITY % remote SYSTEM "${base}/param.dtd"> %remote;]><testsuites/>`
    expect(junitError(() => parseJunit('param.xml', xml)).message).toContain('param.xml')
    expect(await requestsBesidesSentinel()).toEqual([])
  })

  it('rejects a file:///etc/passwd entity and never shows the file', () => {
    const error = junitError(() => parseJunit('xxe-file.xml', readFixture('junit/xxe-file.xml')))
    expect(error.message).toMatch(/^xxe-file\.xml: DTD declarations/)
    expect(error.message).not.toMatch(/root:|nologin/)
  })

  it('rejects a ten-level billion-laughs document without expanding it', () => {
    const error = junitError(() => parseJunit('lol.xml', readFixture('junit/billion-laughs.xml')))
    expect(error.message).toContain('lol.xml')
    expect(error.message.length).toBeLessThan(300)
    expect(error.message).not.toContain('lollol')
  })

  it('rejects the billion laughs even when the document arrives one character at a time', () => {
    const parser = new JunitParser('lol.xml')
    const text = readFixture('junit/billion-laughs.xml')
    expect(() => {
      for (const char of text) parser.write(char)
      parser.end()
    }).toThrow(JunitError)
  })

  it('rejects an <!ENTITY> declared inside the root element', () => {
    expect(
      junitError(() => parseJunit('inline.xml', readFixture('junit/entity-in-body.xml'))).message,
    ).toContain('inline.xml')
  })

  it('leaves undeclared entity references unexpanded instead of resolving them', () => {
    const summary = parseJunit(
      'refs.xml',
      '<testsuite name="a.test.ts"><testcase name="x &xxe; &amp;lt; &#0; &#x110000;" time="1"/></testsuite>',
    )
    expect([...summary.run.tests.keys()]).toEqual(['a.test.ts::x &xxe; &lt; &#0; &#x110000;'])
  })

  it('decodes the five predefined entities and character references in attributes', () => {
    const summary = parseJunit(
      'refs.xml',
      '<testsuite name="a.test.ts"><testcase name="&lt;&gt;&amp;&quot;&apos; &#65;&#x42;&#x1F600;" time="1"/></testsuite>',
    )
    expect([...summary.run.tests.keys()]).toEqual(['a.test.ts::<>&"\' AB\u{1F600}'])
  })

  it('parses a million numeric character references in failure text (D3; its time is measured by npm run bench)', () => {
    const refs = '&#65;'.repeat(1_000_000)
    const attribute = '&#65;'.repeat(200_000) // a 1 MB tag, the most one tag may hold
    const xml = `<testsuite name="a.test.ts"><testcase name="big" time="2"><failure message="${attribute}">${refs}</failure></testcase></testsuite>`
    const { cases, onCase } = caseCollector()
    const summary = parseJunit('refs.xml', xml, { onCase })
    expect(summary.statusCounts.failed).toBe(1)
    expect(cases[0]?.message).toBe('A'.repeat(2000))
  })

  it('rejects a single tag longer than 1 MiB instead of buffering it forever', () => {
    const parser = new JunitParser('long-tag.xml')
    parser.write('<testsuite name="a.test.ts"><testcase name="')
    const chunk = 'x'.repeat(64 * 1024)
    expect(() => {
      for (let i = 0; i < 20; i++) parser.write(chunk)
    }).toThrow(/longer than 1 MiB/)
  })
})

describe('JUnit entity limits that break real reports (THREATS D4)', () => {
  it('parses every test case of a report with 5,000 &lt; in failure messages', () => {
    const lt = '&lt;'.repeat(20)
    const cases = Array.from(
      { length: 250 },
      (_, i) =>
        `<testcase classname="deep.test.ts" name="case ${i}" time="0.5"><failure message="expected ${lt}div${i}&gt;">AssertionError: ${lt}stack&gt;</failure></testcase>`,
    )
    const xml = `<testsuites><testsuite name="deep.test.ts" tests="250" time="130">${cases.join('\n')}</testsuite></testsuites>`
    expect(xml.match(/&lt;/g)).toHaveLength(10_000)
    const collected = caseCollector()
    const summary = parseJunit('deep.xml', xml, { onCase: collected.onCase })
    expect(summary.cases).toBe(250)
    expect(summary.statusCounts).toEqual({ passed: 0, failed: 250, error: 0, skipped: 0 })
    expect(summary.run.tests.size).toBe(250)
    expect(summary.run.files.get('deep.test.ts')).toBe(130)
    expect(collected.cases[7]?.message).toBe(`expected ${'<'.repeat(20)}div7>`)
    expect(summary.partial).toBeUndefined()
  })

  it('keeps a 5,000-entity message, capped at 2,000 characters', () => {
    const xml = `<testsuite name="x.test.ts"><testcase name="long" time="1"><error message="${'&lt;'.repeat(5000)}"/></testcase></testsuite>`
    const collected = caseCollector()
    const summary = parseJunit('long.xml', xml, { onCase: collected.onCase })
    expect(summary.statusCounts.error).toBe(1)
    expect(collected.cases[0]?.message).toBe('<'.repeat(2000))
  })
})

describe('JUnit prototype pollution (THREATS D11)', () => {
  it('treats <__proto__> elements and __proto__/constructor attributes as plain names', () => {
    const summary = parseJunit('proto.xml', readFixture('junit/proto.xml'))
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('x')
    expect(typeof ({} as { constructor: unknown }).constructor).toBe('function')
    expect(Object.fromEntries(summary.run.tests)).toEqual({
      '__proto__::prototype': 2,
      'constructor.js::__proto__': 1,
    })
    expect(summary.cases).toBe(2)
  })

  it('keeps test names such as hasOwnProperty and toString as ordinary ids', () => {
    const summary = parseJunit(
      'names.xml',
      '<testsuite name="hasOwnProperty.test.ts"><testcase name="toString" time="1"/><testcase name="valueOf" time="2"/></testsuite>',
    )
    expect(summary.run.tests.get('hasOwnProperty.test.ts::toString')).toBe(1)
    expect(summary.run.tests.get('hasOwnProperty.test.ts::valueOf')).toBe(2)
  })
})
