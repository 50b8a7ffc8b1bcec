import { test } from 'node:test'
import assert from 'node:assert/strict'
import { work } from '../work.js'

test('renders its label', async () => {
  assert.equal(await work(40), 40)
})

test('fires on click', async () => {
  assert.equal(await work(60), 60)
})
