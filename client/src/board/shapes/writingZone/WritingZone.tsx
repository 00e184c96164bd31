import type { WritingZoneShape } from './WritingZoneShapeUtil.tsx'

export function WritingZone({ label }: Pick<WritingZoneShape['props'], 'label'>) {
  return (
    <div className="wp-tpl-zone">
      <span className="wp-tpl-zone__label">{label}</span>
    </div>
  )
}
