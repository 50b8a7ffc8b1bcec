import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  MAX_TAG_CHARS,
  XmlError,
  XmlScanner,
  decodeEntities,
  parseAttributes,
  type XmlScanOptions,
} from '../../../src/core/formats/xml.js'

const STRICT: XmlScanOptions = {
  document: 'a test document',
  doctype: 'reject',
  afterRoot: 'reject',
}
const LENIENT: XmlScanOptions = {
  document: 'a test document',
  doctype: 'external-only',
  afterRoot: 'ignore',
}

type Event = readonly ['start', string, string, string | undefined] | readonly ['end', string]

interface Scan {
  readonly events: Event[]
  /** The text inside the root, pieces joined. */
  readonly text: string
  readonly error: { reason: string; position: number; dtd: boolean } | undefined
  readonly rootSeen: boolean
  readonly rootClosed: boolean
  readonly unfinished: boolean
}

/** Scans `chunks` one write each and records everything the handler was told. */
function scan(chunks: readonly string[], options: XmlScanOptions = STRICT): Scan {
  const events: Event[] = []
  let text = ''
  const scanner = new XmlScanner(
    {
      startElement: (name, tag, parent) => void events.push(['start', name, tag, parent]),
      endElement: (name) => void events.push(['end', name]),
      text: (chunk, start, end) => {
        text += chunk.slice(start, end)
      },
    },
    options,
  )
  let error: Scan['error']
  try {
    for (const chunk of chunks) scanner.write(chunk)
  } catch (thrown) {
    if (!(thrown instanceof XmlError)) throw thrown
    error = { reason: thrown.reason, position: thrown.position, dtd: thrown.dtd }
  }
  return {
    events,
    text,
    error,
    rootSeen: scanner.rootSeen,
    rootClosed: scanner.rootClosed,
    unfinished: scanner.unfinished,
  }
}

function splitAt(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b)
  const chunks: string[] = []
  let from = 0
  for (const point of points) {
    chunks.push(text.slice(from, point))
    from = point
  }
  chunks.push(text.slice(from))
  return chunks
}

/** Every token kind next to every other, so that cuts land everywhere. */
const TRICKY = [
  '\uFEFF<?xml version="1.0"?>',
  '<!-- <not-a-tag> -- ]]> ?> -->',
  '<root a="1 > 0" b=\'say "hi"\'>',
  'text &amp; more &unknown;',
  '<child x="&lt;&#65;"/>',
  '<![CDATA[ <not-a-tag> ]] ]> ]]]]><![CDATA[> ]]>',
  '<?pi <not-a-tag> ?>',
  '<inner>deep<leaf/></inner >',
  '</root>',
  '<!---->',
  '',
].join('\n')

describe('XmlScanner: elements and text', () => {
  it('hands over start tags with their parent, end tags, and the text inside the root', () => {
    const result = scan([TRICKY])
    expect(result.error).toBeUndefined()
    expect(result.events).toEqual([
      ['start', 'root', '<root a="1 > 0" b=\'say "hi"\'>', undefined],
      ['start', 'child', '<child x="&lt;&#65;"/>', 'root'],
      ['end', 'child'],
      ['start', 'inner', '<inner>', 'root'],
      ['start', 'leaf', '<leaf/>', 'inner'],
      ['end', 'leaf'],
      ['end', 'inner'],
      ['end', 'root'],
    ])
    // Comments, CDATA and processing instructions are skipped; entities stay as written.
    expect(result.text).toBe('\ntext &amp; more &unknown;\n\n\n\ndeep\n')
    expect(result).toMatchObject({ rootSeen: true, rootClosed: true, unfinished: false })
  })

  it('tells the same whatever the chunk boundaries, down to one code unit per write (fast-check)', () => {
    const whole = scan([TRICKY])
    const codeUnits: string[] = []
    for (let i = 0; i < TRICKY.length; i++) codeUnits.push(TRICKY.charAt(i))
    expect(scan(codeUnits)).toEqual(whole)
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 30 }), (cuts) => {
        expect(scan(splitAt(TRICKY, cuts))).toEqual(whole)
      }),
      { numRuns: 500 },
    )
  })

  it('says a document cut off inside an element, a comment or a tag is unfinished', () => {
    expect(scan(['<root><a>']).unfinished).toBe(true)
    expect(scan(['<root/><!-- open']).unfinished).toBe(true)
    expect(scan(['<root/><!-- closed -->']).unfinished).toBe(false)
    expect(scan(['<root a="x']).unfinished).toBe(true)
    expect(scan(['<root a="x']).rootSeen).toBe(false)
  })

  it('reads a tag whose quoted value holds ">" and "<"-free text across many chunks', () => {
    const value = 'a > b '.repeat(40_000)
    const document = `<root><item v="${value}"/></root>`
    const result = scan(
      splitAt(
        document,
        Array.from({ length: 200 }, (_, i) => i * 1237),
      ),
    )
    expect(result.error).toBeUndefined()
    expect(result.events[1]).toEqual(['start', 'item', `<item v="${value}"/>`, 'root'])
  })
})

describe('XmlScanner: structure errors', () => {
  it.each([
    ['<root></other>', '</other> closes <root>', 6],
    ['<root/><second/>', 'a second root element follows the first', 7],
    ['<root a="1"<b>', '"<" inside a tag', 0],
    ['<root>< b/></root>', 'malformed tag "< b/>"', 6],
    ['hello<root/>', 'text before the root element: "hello"', 0],
    ['<root/> trailing', 'text after the root element', 7],
    ['<root/><?xml version="1.0"?><root/>', 'a second XML document follows the first', 7],
  ])('%j: %s, at the token where it happens', (document, reason, position) => {
    expect(scan([document]).error).toEqual({ reason, position, dtd: false })
  })

  it('lets white space and a byte order mark stand outside the root', () => {
    expect(scan(['\uFEFF \n<root/>\n\t ']).error).toBeUndefined()
  })

  it('ignores text and a second declaration after the root when asked to, but not a second root', () => {
    expect(scan(['<root/> trailing <?xml version="1.0"?>'], LENIENT).error).toBeUndefined()
    expect(scan(['<root/><again/>'], LENIENT).error?.reason).toBe(
      'a second root element follows the first',
    )
  })

  it(`rejects a tag longer than ${MAX_TAG_CHARS} characters instead of buffering it forever`, () => {
    const chunks = ['<root><item name="', ...Array.from({ length: 20 }, () => 'x'.repeat(65536))]
    expect(scan(chunks).error).toEqual({
      reason: 'a tag longer than 1 MiB',
      position: 6,
      dtd: false,
    })
  })
})

describe('XmlScanner: DTDs (THREATS D1–D3)', () => {
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [${Array.from({ length: 10 }, (_, i) =>
    i === 0 ? '<!ENTITY lol0 "lol">' : `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`,
  ).join('')}]><root>&lol9;</root>`

  it('rejects every DOCTYPE and ENTITY when the document never has one', () => {
    for (const document of [
      '<!DOCTYPE root SYSTEM "root.dtd"><root/>',
      laughs,
      '<root><!ENTITY x "y"></root>',
    ]) {
      expect(scan([document]).error).toMatchObject({
        reason: 'DTD declarations (<!DOCTYPE>, <!ENTITY>) are not allowed in a test document',
        dtd: true,
      })
    }
  })

  it('skips one external-only DOCTYPE before the root, unfetched, when allowed', () => {
    const result = scan(
      ['<?xml version="1.0"?>\n<!DOCTYPE root SYSTEM "http://127.0.0.1:9/x.dtd">\n<root/>'],
      LENIENT,
    )
    expect(result.error).toBeUndefined()
    expect(result.events).toEqual([
      ['start', 'root', '<root/>', undefined],
      ['end', 'root'],
    ])
  })

  it.each([
    [laughs, 'a DOCTYPE with an internal subset (entity declarations) is not allowed'],
    [
      '<!DOCTYPE root SYSTEM "[not a subset].dtd" [<!ENTITY x SYSTEM "file:///etc/passwd">]><root/>',
      'a DOCTYPE with an internal subset (entity declarations) is not allowed',
    ],
    [
      '<!DOCTYPE a SYSTEM "a.dtd"><!DOCTYPE b SYSTEM "b.dtd"><root/>',
      'a DOCTYPE after the document began',
    ],
    ['<root/><!DOCTYPE root SYSTEM "a.dtd">', 'a DOCTYPE after the document began'],
    [
      '<!ENTITY x "y"><root/>',
      'DTD declarations (<!ENTITY>, <!ELEMENT>, …) are not allowed in a test document',
    ],
    [`<!DOCTYPE root SYSTEM "${'x'.repeat(70_000)}`, 'a DOCTYPE longer than 64 KiB'],
  ])(
    'rejects DTD content that could declare entities, or a DOCTYPE that never ends, even when external DOCTYPEs are allowed: %#',
    (document, reason) => {
      expect(scan([document], LENIENT).error).toMatchObject({ reason, dtd: true })
      expect(scan(Array.from(document), LENIENT).error).toMatchObject({ reason, dtd: true })
    },
  )
})

describe('attribute values', () => {
  it('decodes the five predefined entities and character references, and nothing else', () => {
    expect(
      decodeEntities('&lt;&gt;&amp;&quot;&apos; &#65;&#x42;&#x1F600; &xxe; &#0; &#x110000;'),
    ).toBe('<>&"\' AB\u{1F600} &xxe; &#0; &#x110000;')
  })

  it('reads both quote styles and keeps names such as __proto__ as plain keys (THREATS D11)', () => {
    const attributes = parseAttributes(`<a x="1 &amp; 2" y='"q"' __proto__="p" constructor = "c"/>`)
    expect(Object.fromEntries(attributes)).toEqual({
      x: '1 & 2',
      y: '"q"',
      ['__proto__']: 'p',
      constructor: 'c',
    })
    expect(({} as Record<string, unknown>).p).toBeUndefined()
  })
})
