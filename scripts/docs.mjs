// Renders the README's inputs and outputs tables, and src/options/action-inputs.ts (the inputs'
// defaults for the CLI and the action), from action.yml, the one place defaults live.
// `node scripts/docs.mjs` rewrites both; `node scripts/docs.mjs --check` fails on drift.
import { readFileSync, writeFileSync } from 'node:fs'
import { format, resolveConfig } from 'prettier'
import { parse } from 'yaml'

export const INPUTS_MODULE = 'src/options/action-inputs.ts'

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

/** action.yml's inputs (name → description and default) as a TypeScript module. */
export async function renderInputsModule(actionYaml) {
  const declared = Object.fromEntries(
    Object.entries(parse(actionYaml).inputs ?? {}).map(([name, input]) => [
      name,
      { description: String(input.description ?? ''), default: String(input.default ?? '') },
    ]),
  )
  const text = `// Generated from action.yml by \`npm run docs\`; do not edit (\`npm run docs-check\` fails on drift).
// The inputs as action.yml declares them: the CLI's defaults and the action's, from one source.
export const ACTION_INPUTS: Readonly<
  Record<string, { readonly description: string; readonly default: string }>
> = ${JSON.stringify(declared, null, 2)}
`
  const options = (await resolveConfig(INPUTS_MODULE)) ?? {}
  return format(text, { ...options, parser: 'typescript' })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const actionYaml = readFileSync('action.yml', 'utf8')
  const readme = readFileSync('README.md', 'utf8')
  const rendered = renderReadme(readme, actionYaml)
  const inputs = await renderInputsModule(actionYaml)
  if (process.argv.includes('--check')) {
    const drift = [
      ...(rendered !== readme ? ["README.md's inputs/outputs tables"] : []),
      ...(inputs !== readFileSync(INPUTS_MODULE, 'utf8') ? [INPUTS_MODULE] : []),
    ]
    if (drift.length > 0) {
      process.stderr.write(`${drift.join(' and ')} differ from action.yml: run 'npm run docs'.\n`)
      process.exit(1)
    }
    process.stdout.write(`README.md tables and ${INPUTS_MODULE} match action.yml\n`)
  } else {
    writeFileSync('README.md', rendered)
    writeFileSync(INPUTS_MODULE, inputs)
  }
}
