/**
 * The small part of XML that Shardwise's streaming readers (JUnit, Cobertura) share: attribute
 * values with the five predefined entities and character references decoded — nothing else
 * is ever expanded, so no document can make a reader fetch or grow anything.
 */

const ENTITY = /&(#x[0-9A-Fa-f]+|#\d+|lt|gt|amp|quot|apos);/g
const NAMED: ReadonlyMap<string, string> = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
])

export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value
  return value.replace(ENTITY, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return NAMED.get(body) ?? whole
  })
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g

/** The attributes of a start tag (`<name a="1" b='2'>`), values decoded. */
export function parseAttributes(tag: string): Map<string, string> {
  const attributes = new Map<string, string>()
  ATTRIBUTE.lastIndex = 0
  for (let match = ATTRIBUTE.exec(tag); match; match = ATTRIBUTE.exec(tag)) {
    const name = match[1]
    if (name !== undefined) attributes.set(name, decodeEntities(match[2] ?? match[3] ?? ''))
  }
  return attributes
}
