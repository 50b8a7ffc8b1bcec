// Renders the README's inputs and outputs tables from action.yml, the one place defaults live.
// `node scripts/docs.mjs` rewrites README.md; `node scripts/docs.mjs --check` fails on drift.
import { readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'yaml'

const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n+/g, ' ').trim()

export function renderTables(actionYaml) {
  const action = parse(actionYaml)
  const inputs = Object.entries(action.inputs ?? {}).map(
    ([name, input]) =>
      `| \`${name}\` | ${cell(input.description)} | ${input.default === undefined || input.default === '' ? '' : `\`${cell(input.default)}\``} |`,
  )
  const outputs = Object.entries(action.outputs ?? {}).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`,
  )
  return {
    inputs: ['| input | description | default |', '| --- | --- | --- |', ...inputs].join('\n'),
    outputs: ['| output | description |', '| --- | --- |', ...outputs].join('\n'),
  }
}

export function renderReadme(readme, actionYaml) {
  const tables = renderTables(actionYaml)
  let out = readme
  for (const [name, table] of Object.entries(tables)) {
    const pattern = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`)
    if (!pattern.test(out))
      throw new Error(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end --> markers`)
    out = out.replace(pattern, (_, start, end) => `${start}\n${table}\n${end}`)
  }
  return out
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const readme = readFileSync('README.md', 'utf8')
  const rendered = renderReadme(readme, readFileSync('action.yml', 'utf8'))
  if (process.argv.includes('--check')) {
    if (rendered !== readme) {
      process.stderr.write(
        "README.md's inputs/outputs tables differ from action.yml: run 'npm run docs'.\n",
      )
      process.exit(1)
    }
    process.stdout.write('README.md tables match action.yml\n')
  } else {
    writeFileSync('README.md', rendered)
  }
}
