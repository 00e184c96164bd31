import type { TLAnyShapeUtilConstructor } from 'tldraw'
import { ACTION_PLAN_TABLE_TYPE, ActionPlanTableShapeUtil } from './actionPlanTable/ActionPlanTableShapeUtil.tsx'
import { PLAY_CARD_TYPE, PlayCardShapeUtil } from './playCard/PlayCardShapeUtil.tsx'
import { PLAYBOOK_CARD_TYPE, PlaybookCardShapeUtil } from './playbookCard/PlaybookCardShapeUtil.tsx'
import { QUESTION_CARD_TYPE, QuestionCardShapeUtil } from './questionCard/QuestionCardShapeUtil.tsx'
import { STAGE_FRAME_TYPE, StageFrameShapeUtil } from './stageFrame/StageFrameShapeUtil.tsx'
import { WRITING_ZONE_TYPE, WritingZoneShapeUtil } from './writingZone/WritingZoneShapeUtil.tsx'

/**
 * The shapes of the template layer. Every store that shows a board must know them (pass them with
 * tldraw's defaults to `createTLStore` and `<Tldraw shapeUtils>`), even on a blank board: the schema
 * written to the board room must be the same for every client.
 */
export const templateShapeUtils = [
  StageFrameShapeUtil,
  PlaybookCardShapeUtil,
  QuestionCardShapeUtil,
  PlayCardShapeUtil,
  WritingZoneShapeUtil,
  ActionPlanTableShapeUtil,
] as const satisfies readonly TLAnyShapeUtilConstructor[]

export const templateShapeTypes: ReadonlySet<string> = new Set([
  STAGE_FRAME_TYPE,
  PLAYBOOK_CARD_TYPE,
  QUESTION_CARD_TYPE,
  PLAY_CARD_TYPE,
  WRITING_ZONE_TYPE,
  ACTION_PLAN_TABLE_TYPE,
])
