import { roundDefaults } from '@werkplaats/shared'
import { describe, expect, it } from 'vitest'
import { getTemplate } from '../src/templateCatalog.ts'

describe("the templates' vote rules say what their guides say", () => {
  const stage = (templateId: string, stageId: string) => {
    const found = getTemplate(templateId)?.agenda.find((s) => s.id === stageId)
    if (!found) throw new Error(`no stage ${stageId} in ${templateId}`)
    return found
  }

  it('OECD: three dots at Startpunt, several on one sticky allowed; one vote per question at Kaderen', () => {
    expect(stage('oecd-innovatie-playbook', 'startpunt').facilitatorGuide).toContain('3 stippen')
    expect(roundDefaults(stage('oecd-innovatie-playbook', 'startpunt'), 12)).toEqual({
      votesPerParticipant: 3,
      maxVotesPerCard: 3,
    })
    expect(stage('oecd-innovatie-playbook', 'kaderen').facilitatorGuide).toContain('Eén stem per vraag')
    expect(roundDefaults(stage('oecd-innovatie-playbook', 'kaderen'), 9)).toEqual({
      votesPerParticipant: 9,
      maxVotesPerCard: 1,
    })
  })

  it('Iedereen kan innoveren: a vote on every principle one finds lacking, no maximum', () => {
    expect(roundDefaults(stage('iedereen-kan-innoveren', 'stand-van-zaken'), 6)).toEqual({
      votesPerParticipant: 6,
      maxVotesPerCard: 1,
    })
  })
})
