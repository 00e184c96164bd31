import type { SessionView, Template } from '@werkplaats/shared'
import { useId, useState, type FormEvent } from 'react'
import { useValue, type Editor } from 'tldraw'
import type { BoardSession } from '../board/boardSession.ts'
import type { Facilitation } from '../facilitation/facilitation.ts'
import { Markdown } from '../facilitation/Markdown.tsx'
import { ClosingOutcome } from '../closing/ClosingOutcome.tsx'
import { roundIndex, shownStage } from '../facilitation/stageMoves.ts'
import { useMessages } from '../i18n/useMessages.tsx'
import { TimerDisplay } from '../timer/TimerDisplay.tsx'
import { ActionsTab } from '../actionPlan/ActionsTab.tsx'
import { VotingTab } from '../voting/VotingTabs.tsx'
import type { VotingSession } from '../voting/votingSession.ts'
import { placeSticky } from './placeSticky.ts'
import './phone.css'

export interface PhoneRoomProps {
  view: SessionView
  board: BoardSession
  facilitation: Facilitation
  voting: VotingSession | null
  editor: Editor | null
  template: Template | null
  participantCount: number
}

/**
 * The room on a phone: the task first (the stage, what to do now, the timer), "Sticky schrijven" to write without
 * aiming on a tiny board, the vote and the action marks as lists with large targets, and the board one tap away,
 * full screen (tldraw's own pinch zoom). Its own small set of components over the same state as the desktop's.
 */
export function PhoneRoom(props: PhoneRoomProps) {
  const messages = useMessages().phone
  const [showBoard, setShowBoard] = useState(false)
  if (showBoard) {
    return (
      <button type="button" className="wp-phone__back" onClick={() => setShowBoard(false)}>
        {messages.backToTask}
      </button>
    )
  }
  return (
    <main className="wp-phone" aria-label={messages.taskLabel}>
      <TaskCard facilitation={props.facilitation} />
      <div className="wp-phone__actions">
        {props.view.role === 'participant' ? <WriteSticky {...props} /> : null}
        <button type="button" className="wp-phone__button" onClick={() => setShowBoard(true)}>
          {messages.viewBoard}
        </button>
      </div>
      {props.voting ? (
        <>
          <ClosingOutcome
            facilitation={props.facilitation}
            voting={props.voting}
            plan={props.board.actionPlan}
            canShare={false}
          />
          <VotingTab
            session={props.voting}
            editor={props.editor}
            template={props.template}
            participantCount={props.participantCount}
          />
          <ActionsTab
            view={props.view}
            session={props.voting}
            plan={props.board.actionPlan}
            editor={props.editor}
            template={props.template}
          />
        </>
      ) : null}
    </main>
  )
}

function TaskCard({ facilitation }: { facilitation: Facilitation }) {
  const messages = useMessages().facilitation
  const state = useValue('facilitation state', () => facilitation.state.get(), [facilitation])
  const templateState = useValue('template', () => facilitation.template.get(), [facilitation])
  const stage = templateState.kind === 'ready' ? shownStage(templateState.template, state) : null
  const round = roundIndex(state)
  const headingId = useId()
  return (
    <section className="wp-phone__task" aria-labelledby={headingId}>
      <p className="wp-facilitation__eyebrow">
        {messages.currentStage}
        {round > 0 ? ` · ${messages.roundLabel(round + 1)}` : ''}
      </p>
      <h1 id={headingId} className="wp-phone__stage">
        {stage ? stage.title : messages.noStageYet}
      </h1>
      <TimerDisplay facilitation={facilitation} hideWhenUnset />
      {state.privateWriting.on && facilitation.role === 'participant' ? (
        <p className="wp-private-note" role="status">
          {messages.privateWritingOn}
        </p>
      ) : null}
      {stage ? <Markdown source={stage.participantInstruction} /> : null}
    </section>
  )
}

function WriteSticky({ view, facilitation, editor }: PhoneRoomProps) {
  const messages = useMessages().phone
  const [writing, setWriting] = useState(false)
  const [text, setText] = useState('')
  const [placed, setPlaced] = useState(false)
  const fieldId = useId()
  if (!editor) return null
  if (!writing) {
    return (
      <>
        <button
          type="button"
          className="wp-phone__button wp-phone__button--primary"
          onClick={() => {
            setWriting(true)
            setPlaced(false)
          }}
        >
          {messages.writeSticky}
        </button>
        {placed ? <p role="status">{messages.placed}</p> : null}
      </>
    )
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const clean = text.trim()
    if (clean === '') return
    placeSticky(editor, facilitation.layout.get(), facilitation.state.get(), view.participantId ?? 'self', clean)
    setText('')
    setWriting(false)
    setPlaced(true)
  }
  return (
    <form className="wp-phone__write" onSubmit={submit} aria-label={messages.writeSticky}>
      <label htmlFor={fieldId}>{messages.stickyText}</label>
      <textarea
        id={fieldId}
        value={text}
        maxLength={500}
        rows={4}
        autoFocus
        onChange={(e) => setText(e.target.value)}
      />
      <div className="wp-phone__row">
        <button type="submit" className="wp-phone__button wp-phone__button--primary" disabled={text.trim() === ''}>
          {messages.place}
        </button>
        <button type="button" className="wp-phone__button" onClick={() => setWriting(false)}>
          {messages.cancel}
        </button>
      </div>
    </form>
  )
}
