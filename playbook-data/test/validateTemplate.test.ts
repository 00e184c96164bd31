import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Template } from '@werkplaats/shared'
import {
  TemplateValidationError,
  getTemplate,
  listTemplates,
  loadTemplates,
  templatesDir,
  validateTemplate,
} from '../src/index.ts'

const fileName = 'oecd-innovatie-playbook.json'

/** A fresh copy of the shipped playbook template, to break in a test. */
function playbookJson(): Template {
  return JSON.parse(readFileSync(join(templatesDir, fileName), 'utf8')) as Template
}

/** `list[i]`, failing loudly instead of `undefined` (the fixtures are known). */
function at<T>(list: readonly T[], i: number): T {
  const item = list[i]
  if (item === undefined) throw new Error(`no item ${i}`)
  return item
}

const principle = (t: Template, i: number) => at(t.principles, i)
const play = (t: Template, i: number, k: number) => at(principle(t, i).plays, k)
const question = (t: Template, i: number, j: number) => at(principle(t, i).assessmentQuestions, j)

function problemsOf(data: unknown, name = fileName): string[] {
  try {
    validateTemplate(data, name)
  } catch (error) {
    if (error instanceof TemplateValidationError) return [...error.problems]
    throw error
  }
  return []
}

describe('validateTemplate', () => {
  it('accepts the shipped templates', () => {
    expect(problemsOf(playbookJson())).toEqual([])
  })

  it('refuses a missing field, naming file and field', () => {
    const t = playbookJson()
    Reflect.deleteProperty(play(t, 2, 0), 'title')
    expect(problemsOf(t)).toEqual([
      `${fileName}: principles[2].plays[0].title: Invalid input: expected string, received undefined`,
    ])
    expect(() => validateTemplate(t, fileName)).toThrow(
      /oecd-innovatie-playbook\.json: principles\[2\]\.plays\[0\]\.title:/,
    )
  })

  it('refuses a dangling playId, and names the play it no longer reaches', () => {
    const t = playbookJson()
    question(t, 2, 0).playId = 'bestaat-niet'
    const playIndex = principle(t, 2).plays.findIndex((p) => p.id === 'transparante-partnerschappen')
    expect(problemsOf(t)).toEqual([
      `${fileName}: principles[2].assessmentQuestions[0].playId: play "bestaat-niet" does not exist in principle "partnerschappen-en-stemmen"`,
      `${fileName}: principles[2].plays[${playIndex}]: play "transparante-partnerschappen" is not reached by any assessment question`,
    ])
  })

  it('refuses a playId that points into another principle', () => {
    const t = playbookJson()
    question(t, 0, 0).playId = play(t, 1, 0).id
    expect(problemsOf(t)[0]).toMatch(
      /principles\[0\]\.assessmentQuestions\[0\]\.playId: play "betrokkenheid-van-ambtenaren" does not exist in principle "verwelkomen-en-versterken"/,
    )
  })

  it('refuses a play reached by two questions', () => {
    const t = playbookJson()
    question(t, 3, 1).playId = question(t, 3, 0).playId
    expect(problemsOf(t)).toContain(
      `${fileName}: principles[3].plays[0]: play "sandboxen-en-testbeds" is reached by 2 assessment questions (sandboxen-en-testbeds-vraag, veilige-omgevingen-vraag); expected exactly one`,
    )
  })

  it('refuses duplicate ids', () => {
    const t = playbookJson()
    at(play(t, 4, 1).actions, 0).id = at(play(t, 0, 0).actions, 0).id
    expect(problemsOf(t)).toEqual([
      `${fileName}: principles[4].plays[1].actions[0].id: duplicate action id "vertrouwen-in-leiderschap-1" (first at principles[0].plays[0].actions[0])`,
    ])
  })

  it('refuses links that are not absolute https', () => {
    const t = playbookJson()
    play(t, 0, 0).case?.links.splice(0, 1, 'http://vm.fi/en/public-sector-innovations')
    play(t, 0, 0).toolkit?.links.splice(0, 1, '/relative')
    expect(problemsOf(t)).toEqual([
      `${fileName}: principles[0].plays[0].case.links[0]: link must be an absolute https:// URL`,
      `${fileName}: principles[0].plays[0].toolkit.links[0]: link must be an absolute https:// URL`,
    ])
  })

  it('refuses extraction artefacts in text', () => {
    const t = playbookJson()
    principle(t, 0).dimensions[0] = 'Declaration\uFFFDon\uFFFDPublic'
    principle(t, 0).challengeQuestions[0] = 'Hoe kunnen we  de betrokkenheid vergroten?'
    expect(problemsOf(t)).toEqual([
      `${fileName}: principles[0].dimensions[0]: text still contains the extraction artefact U+FFFD`,
      `${fileName}: principles[0].challengeQuestions[0]: text contains runs of spaces (layout left over from extraction)`,
    ])
  })

  it('refuses an unknown stage kind and an agenda that cannot run', () => {
    const kind = playbookJson()
    Object.assign(at(kind.agenda, 0), { kind: 'brainstorm' })
    expect(problemsOf(kind)[0]).toMatch(/^oecd-innovatie-playbook\.json: agenda\[0\]\.kind: /)

    const order = playbookJson()
    order.agenda.splice(1, 1) // no challenges stage before "assess chosen-principle"
    expect(problemsOf(order)).toEqual([
      `${fileName}: agenda[1].scope: scope "chosen-principle" needs a "challenges" stage before it, where the principle is chosen`,
      `${fileName}: agenda[4].restart.stageId: stage "startpunt" does not exist`,
    ])
  })

  it('reports every problem at once', () => {
    const t = playbookJson()
    Reflect.deleteProperty(t, 'title')
    Object.assign(t, { language: 'en' })
    expect(problemsOf(t)).toHaveLength(2)
  })
})

describe('template loader', () => {
  it('lists the shipped templates', () => {
    expect(listTemplates()).toEqual([
      { id: 'iedereen-kan-innoveren', title: 'Iedereen kan innoveren', language: 'nl', stages: 5, minutes: 60 },
      { id: 'oecd-innovatie-playbook', title: 'Innovatie Playbook', language: 'nl', stages: 6, minutes: 150 },
    ])
  })

  it('gets a template by id, and nothing for an unknown id', () => {
    expect(getTemplate('oecd-innovatie-playbook')?.principles).toHaveLength(5)
    expect(getTemplate('bestaat-niet')).toBeUndefined()
  })

  it('fails on load with the file and field of a broken template', () => {
    const dir = mkdtempSync(join(tmpdir(), 'templates-'))
    const t = playbookJson()
    question(t, 2, 0).playId = 'bestaat-niet'
    writeFileSync(join(dir, fileName), JSON.stringify(t))
    expect(() => loadTemplates(dir)).toThrow(
      /oecd-innovatie-playbook\.json: principles\[2\]\.assessmentQuestions\[0\]\.playId: play "bestaat-niet"/,
    )
  })

  it('fails on load for invalid JSON and for a file name that is not the id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'templates-'))
    writeFileSync(join(dir, 'kapot.json'), '{ "id": ')
    expect(() => loadTemplates(dir)).toThrow(/kapot\.json: \(root\): not valid JSON/)

    const renamed = mkdtempSync(join(tmpdir(), 'templates-'))
    writeFileSync(join(renamed, 'andere-naam.json'), JSON.stringify(playbookJson()))
    expect(() => loadTemplates(renamed)).toThrow(
      /andere-naam\.json: id: id "oecd-innovatie-playbook" must match the file name/,
    )
  })
})
