/**
 * The words the template layer adds around the template's own content (headings the playbook prints as
 * layout, the background's title, round numbers). The content itself stays in the template's language,
 * word for word. Kept beside the layer that renders them, apart from the catalogue in `i18n/messages.ts`.
 */
const nl = {
  backgroundTitle: 'Achtergrond',
  /** After a stage's title in the second and later rounds: "Kaderen · ronde 2". */
  round: 'ronde',
  minutes: 'min',
  principle: 'Principe',
  challengeQuestions: 'Uitdagingen',
  dimensions: 'Belangrijke dimensies',
  why: 'Waarom is dit principe zo belangrijk?',
  actions: 'Hoe verbeteren we',
  case: 'Praktijkvoorbeeld',
  toolkit: 'Toolkit',
}

export type TemplateLayerMessages = typeof nl

const en: TemplateLayerMessages = {
  backgroundTitle: 'Background',
  round: 'round',
  minutes: 'min',
  principle: 'Principle',
  challengeQuestions: 'Challenges',
  dimensions: 'Key dimensions',
  why: 'Why does this principle matter?',
  actions: 'How we improve',
  case: 'Practice example',
  toolkit: 'Toolkit',
}

/** Same rule as `i18n/messages.ts`: English for any English variant, Dutch for everything else. */
export function templateLayerMessagesFor(locale: string | null | undefined): TemplateLayerMessages {
  return locale?.toLowerCase().startsWith('en') ? en : nl
}
