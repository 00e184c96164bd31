import type { StageFrameShape } from './stageFrameShape.ts'

/** A stage's frame as everyone sees it: the stage title and its suggested minutes, above the stage's cards. */
export function StageFrame({ title, minutes }: Pick<StageFrameShape['props'], 'title' | 'minutes'>) {
  return (
    <div className="wp-tpl-frame">
      <header className="wp-tpl-frame__header">
        <h2 className="wp-tpl-frame__title">{title}</h2>
        {minutes > 0 ? <span className="wp-tpl-frame__minutes">{minutes} min</span> : null}
      </header>
    </div>
  )
}
