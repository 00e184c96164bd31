import type { StageFrameShape } from './stageFrameShape.ts'

type Props = Pick<StageFrameShape['props'], 'title' | 'minutes'> & {
  /** Zoomed far out: how much larger than its own size the title is drawn, so it stays readable (1: as is). */
  titleEnlargement?: number
}

/** A stage's frame as everyone sees it: the stage title and its suggested minutes, above the stage's cards. */
export function StageFrame({ title, minutes, titleEnlargement = 1 }: Props) {
  const enlarged = titleEnlargement > 1
  return (
    <div className="wp-tpl-frame">
      <header className="wp-tpl-frame__header">
        <h2
          className="wp-tpl-frame__title"
          data-enlarged={enlarged ? 'true' : undefined}
          style={enlarged ? { fontSize: `${32 * titleEnlargement}px` } : undefined}
        >
          {title}
        </h2>
        {minutes > 0 && !enlarged ? <span className="wp-tpl-frame__minutes">{minutes} min</span> : null}
      </header>
    </div>
  )
}
