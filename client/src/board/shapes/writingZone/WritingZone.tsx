import type { WritingZoneShape } from './writingZoneShape.ts'

export function WritingZone({ label }: Pick<WritingZoneShape['props'], 'label'>) {
  return (
    <div className="wp-tpl-zone">
      <span className="wp-tpl-zone__label">{label}</span>
    </div>
  )
}
