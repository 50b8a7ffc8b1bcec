import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CoberturaParser } from '../../../src/core/coverage/cobertura.js'
import { parseCobertura } from '../../support/coverage.js'
import { file, formatError, linesOf, plain } from '../../support/coverage-data.js'

describe('parseCobertura', () => {
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

  const BODY =
    '<coverage line-rate="0.5"><sources><source>/home/runner/work/r/r/</source></sources><packages><package name="src"><classes>' +
    '<class name="a.py" filename="src/a.py"><methods><method name="run" signature="()V" hits="2"><lines><line number="3" hits="2"/></lines></method></methods>' +
    '<lines><line number="3" hits="2" branch="true" condition-coverage="50% (1/2)"><conditions><condition number="0" type="jump" coverage="50%"/></conditions></line>' +
    '<line number="4" hits="0"/></lines></class>' +
    '</classes></package></packages></coverage>'

  it('reads classes, lines, condition coverage and methods, relative to the <source> in the workspace', () => {
    const parsed = parseCobertura(`<?xml version="1.0" ?>\n${BODY}`, { roots: [] })
    expect(parsed.warnings).toEqual([])
    expect(plain(parsed.files)).toEqual(
      plain(
        new Map([
          [
            'src/a.py',
            file(
              { 3: 2, 4: 0 },
              [
                [3, '0', '0', 1],
                [3, '0', '1', 0],
              ],
              [['run', 3, 2]],
            ),
          ],
        ]),
      ),
    )
  })

  it('resolves file names against a <source> that is a subdirectory of the workspace', () => {
    const parsed = parseCobertura(
      '<coverage><sources><source>/ws/project/src</source></sources><packages><package><classes><class filename="pkg/m.py"><lines><line number="1" hits="1"/></lines></class></classes></package></packages></coverage>',
      { roots: ['/ws/project'] },
    )
    expect([...parsed.files.keys()]).toEqual(['src/pkg/m.py'])
  })

  it('decodes a <source> whose entity is cut by a chunk boundary', () => {
    const text =
      '<coverage><sources><source>/ws/a&amp;b</source></sources><packages><package><classes><class filename="m.py"><lines><line number="1" hits="1"/></lines></class></classes></package></packages></coverage>'
    const entity = text.indexOf('&amp;')
    for (let cut = entity; cut <= entity + 5; cut++) {
      const parser = new CoberturaParser({ roots: ['/ws'] })
      parser.write(text.slice(0, cut))
      parser.write(text.slice(cut))
      expect([...parser.end().files.keys()]).toEqual(['a&b/m.py'])
    }
  })

  it('takes file names as repo-relative, with a warning, when no <source> is inside the workspace', () => {
    const parsed = parseCobertura(
      '<coverage><sources><source>/somewhere/else</source></sources><packages><package><classes><class filename="m.py"><lines><line number="1" hits="1"/></lines></class></classes></package></packages></coverage>',
      { roots: ['/ws'], source: 'cov.xml' },
    )
    expect([...parsed.files.keys()]).toEqual(['m.py'])
    expect(parsed.warnings[0]).toMatch(/^cov\.xml: no <source> is inside the workspace/)
  })

  it('keeps the larger count when several classes of one report describe the same file', () => {
    const parsed = parseCobertura(
      '<coverage><packages><package><classes>' +
        '<class filename="A.java"><lines><line number="1" hits="3"/><line number="2" hits="0"/></lines></class>' +
        '<class filename="A.java"><lines><line number="2" hits="1"/><line number="9" hits="0"/></lines></class>' +
        '</classes></package></packages></coverage>',
      { roots: [] },
    )
    expect(linesOf(parsed, 'A.java')).toEqual([
      [1, 3],
      [2, 1],
      [9, 0],
    ])
  })

  it('rejects an internal DTD subset (XXE) without fetching anything (THREATS D1 via E4)', async () => {
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE coverage [<!ENTITY xxe SYSTEM "${base}/xxe">]>\n<coverage><packages><package><classes><class filename="&xxe;"/></classes></package></packages></coverage>`
    const error = formatError(() =>
      parseCobertura(xml, { roots: [], source: 'shard-2/coverage.xml' }),
    )
    expect(error.message).toMatch(/^shard-2\/coverage\.xml: a DOCTYPE with an internal subset/)
    expect(error.message).not.toContain('canary-secret')
    expect(await requestsBesidesSentinel()).toEqual([])
  })

  it('rejects billion laughs at once', () => {
    const entities = ['<!ENTITY lol0 "lol">']
    for (let i = 1; i < 10; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`)
    const xml = `<?xml version="1.0"?><!DOCTYPE coverage [${entities.join('')}]><coverage>&lol9;</coverage>`
    formatError(() => parseCobertura(xml, { roots: [] }))
  })

  it('rejects a stray <!ENTITY> declaration', () => {
    formatError(() => parseCobertura('<!ENTITY x "y"><coverage/>', { roots: [] }))
  })

  it('accepts the external-only DOCTYPE that istanbul writes, and never fetches it', async () => {
    const xml = `<?xml version="1.0" ?>\n<!DOCTYPE coverage SYSTEM "${base}/coverage-04.dtd">\n${BODY}`
    const parsed = parseCobertura(xml, { roots: [] })
    expect([...parsed.files.keys()]).toEqual(['src/a.py'])
    expect(await requestsBesidesSentinel()).toEqual([])
  })

  it('never expands entities other than the predefined ones and character references', () => {
    const parsed = parseCobertura(
      '<coverage><packages><package><classes><class filename="a&amp;b&#x2F;c&#46;py&unknown;"><lines><line number="1" hits="1"/></lines></class></classes></package></packages></coverage>',
      { roots: [] },
    )
    expect([...parsed.files.keys()]).toEqual(['a&b/c.py&unknown;'])
  })

  it('keeps the complete classes of a truncated report, with a warning', () => {
    const cut = BODY.replace(
      '</classes>',
      '<class filename="src/b.py"><lines><line number="1" hits="1"/></lines></class></classes>',
    )
    const truncated = cut.slice(0, cut.indexOf('<class filename="src/b.py">') + 40)
    const parsed = parseCobertura(truncated, { roots: [], source: 'c.xml' })
    expect([...parsed.files.keys()]).toEqual(['src/a.py'])
    expect(parsed.warnings).toEqual([
      'c.xml: the document ends before </coverage> (truncated?); kept the 1 complete class(es)',
    ])
  })

  it('stops at mismatched tags and keeps what came before', () => {
    const broken = BODY.replace(
      '</classes>',
      '<class filename="src/b.py"><lines></class></classes>',
    )
    const parsed = parseCobertura(broken, { roots: [], source: 'c.xml' })
    expect([...parsed.files.keys()]).toEqual(['src/a.py'])
    expect(parsed.warnings[0]).toMatch(
      /^c\.xml: malformed XML at character \d+ \(<\/class> closes <lines>\); kept the 1 complete/,
    )
  })

  it('skips <line> elements with bad numbers and says how many', () => {
    const parsed = parseCobertura(
      '<coverage><packages><package><classes><class filename="a.py"><lines><line number="x" hits="1"/><line number="2" hits="-4"/><line number="3" hits="1"/></lines></class></classes></package></packages></coverage>',
      { roots: [], source: 'c.xml' },
    )
    expect(linesOf(parsed, 'a.py')).toEqual([[3, 1]])
    expect(parsed.warnings).toEqual([
      'c.xml: 2 <line> element(s) without a valid number or a whole hits count ≥ 0 were skipped',
    ])
  })

  it('rejects documents that are not Cobertura', () => {
    expect(
      formatError(() =>
        parseCobertura('<testsuites><testsuite/></testsuites>', { roots: [], source: 'j.xml' }),
      ).message,
    ).toMatch(/root element is <testsuites>/)
    formatError(() => parseCobertura('', { roots: [] }))
    formatError(() => parseCobertura('<html><body>502 Bad Gateway</body></html>', { roots: [] }))
  })

  it('parses the same whatever the chunk boundaries', () => {
    const text = `<?xml version="1.0" ?>\n<!DOCTYPE coverage SYSTEM "x.dtd">\n<!-- c -->${BODY.replace('<packages>', '<packages><![CDATA[ <junk> ]]>')}`
    const whole = parseCobertura(text, { roots: [] })
    fc.assert(
      fc.property(fc.array(fc.nat({ max: text.length }), { maxLength: 10 }), (cuts) => {
        const parser = new CoberturaParser({ roots: [] })
        let at = 0
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          parser.write(text.slice(at, cut))
          at = cut
        }
        parser.write(text.slice(at))
        const parsed = parser.end()
        expect(parsed.warnings).toEqual([])
        expect(plain(parsed.files)).toEqual(plain(whole.files))
      }),
    )
  })
})
