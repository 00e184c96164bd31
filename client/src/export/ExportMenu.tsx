import { dayIn, DEFAULT_TIME_ZONE, exportFileName, type FacilitationState, type Template } from '@werkplaats/shared'
import { useId, useState } from 'react'
import { useEditor } from 'tldraw'
import { boardImage, type ImageFormat } from './boardImage.ts'
import { fetchSummary, type SummaryFormat, summaryFormats } from '../api/apiClient.ts'
import { formatNames, saveBlob } from './download.ts'
import { type StageImageTarget, stageImageTargets } from './stageImages.ts'
import { useMessages } from '../i18n/useMessages.tsx'

type Status =
  { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; fileName: string } | { kind: 'failed'; message: string }

const WHOLE_BOARD = ''

/**
 * "Exporteren", the facilitator's downloads: the session summary in every format (made by the server, fetched
 * with the token) and an image of the whole board or one stage (made here, by tldraw). Names go into the
 * summary only when the facilitator ticks the box.
 */
export function ExportMenu({
  id,
  sessionId,
  token,
  title,
  template,
  readFacilitation,
  canIncludeNames,
}: {
  id: string
  sessionId: string
  token: string
  title: string
  /** The session's template, for the stage frames' bounds; null for a blank board (or while it loads). */
  template: Template | null
  readFacilitation: () => FacilitationState
  /** Only the facilitator may put participants' names in a summary (the server refuses anyone else). */
  canIncludeNames: boolean
}) {
  const messages = useMessages().app
  const editor = useEditor()
  const headingId = useId()
  const namesId = useId()
  const scopeId = useId()
  const [names, setNames] = useState(false)
  const [scope, setScope] = useState(WHOLE_BOARD)
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const stages: StageImageTarget[] = stageImageTargets(template, readFacilitation())

  const run = async (work: () => Promise<{ blob: Blob; fileName: string } | null>) => {
    setStatus({ kind: 'busy' })
    try {
      const file = await work()
      if (!file) return setStatus({ kind: 'failed', message: messages.exportNothing })
      saveBlob(file.blob, file.fileName)
      setStatus({ kind: 'done', fileName: file.fileName })
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      setStatus({ kind: 'failed', message: messages.exportFailed(reason) })
    }
  }

  const downloadSummary = (format: SummaryFormat) =>
    run(() =>
      fetchSummary(sessionId, token, format, { names: canIncludeNames && names, language: messages.exportLanguage }),
    )

  const downloadImage = (format: ImageFormat) =>
    run(async () => {
      const stage = stages.find((s) => s.key === scope) ?? null
      const image = await boardImage(editor, format, stage?.bounds ?? null)
      if (!image) return null
      const suffix = stage ? `${stage.stageId}${stage.round > 0 ? `-${stage.round + 1}` : ''}` : 'bord'
      return {
        blob: image.blob,
        fileName: exportFileName(title, dayIn(Date.now(), DEFAULT_TIME_ZONE), format, suffix).unicode,
      }
    })

  const busy = status.kind === 'busy'
  return (
    <section id={id} className="wp-share wp-export" aria-labelledby={headingId}>
      <h2 id={headingId}>{messages.exportHeading}</h2>
      <h3>{messages.exportSummaryHeading}</h3>
      <p className="wp-share__hint">{messages.exportSummaryHint}</p>
      {canIncludeNames ? (
        <label className="wp-export__check" htmlFor={namesId}>
          <input id={namesId} type="checkbox" checked={names} onChange={(event) => setNames(event.target.checked)} />
          {messages.exportIncludeNames}
        </label>
      ) : null}
      <div className="wp-export__buttons">
        {summaryFormats.map((format) => (
          <button
            key={format}
            type="button"
            disabled={busy}
            aria-label={messages.exportFormat(formatNames[format])}
            data-export={format}
            onClick={() => void downloadSummary(format)}
          >
            {formatNames[format]}
          </button>
        ))}
      </div>
      <h3>{messages.exportImageHeading}</h3>
      <label htmlFor={scopeId}>{messages.exportImageScope}</label>
      <select id={scopeId} value={scope} onChange={(event) => setScope(event.target.value)} data-export="scope">
        <option value={WHOLE_BOARD}>{messages.exportWholeBoard}</option>
        {stages.map((stage) => (
          <option key={stage.key} value={stage.key}>
            {messages.exportStage(stage.title, stage.round)}
          </option>
        ))}
      </select>
      <div className="wp-export__buttons">
        {(['png', 'svg'] as const).map((format) => (
          <button
            key={format}
            type="button"
            disabled={busy}
            aria-label={messages.exportFormat(formatNames[format])}
            data-export={format}
            onClick={() => void downloadImage(format)}
          >
            {formatNames[format]}
          </button>
        ))}
      </div>
      <p className="wp-share__hint" role="status">
        {status.kind === 'busy'
          ? messages.exportBusy
          : status.kind === 'done'
            ? messages.exportDone(status.fileName)
            : status.kind === 'failed'
              ? status.message
              : ''}
      </p>
    </section>
  )
}
