import {
  BaseBoxShapeUtil,
  bookmarkShapeMigrations,
  bookmarkShapeProps,
  embedShapeMigrations,
  embedShapeProps,
  HTMLContainer,
  imageShapeMigrations,
  imageShapeProps,
  type TLBaseBoxShape,
  type TLBookmarkShape,
  type TLEmbedShape,
  type TLImageShape,
  type TLVideoShape,
  videoShapeMigrations,
  videoShapeProps,
} from 'tldraw'
import { messagesFor } from '../../i18n/messages.ts'

/**
 * tldraw's image, video, bookmark and embed shapes show something from an address in their record: a picture,
 * a film, a page's preview, a page in a frame. On a shared board anyone may write such a record, so each of
 * them would make every other browser on the board fetch from an outside host of the writer's choosing
 * (telling it who is in the workshop, and when). Werkplaats shows none of that.
 *
 * These utils take the place of tldraw's own for the four types (same type names, props and migrations, so
 * boards that hold such records still load and keep them), but draw only a neutral box that says the content is
 * not shown. Nothing about them reads the record's URL or asset: no image is loaded, no frame opened, no
 * bookmark preview fetched, not on the board and not in an exported picture. The page's Content-Security-Policy
 * (`img-src`, `frame-src`, `connect-src`) would block such a fetch as well; this is the first line, that is
 * the second.
 */
abstract class OutsideContentShapeUtil<Shape extends TLBaseBoxShape> extends BaseBoxShapeUtil<Shape> {
  override canEdit(): boolean {
    return false
  }

  override canCrop(): boolean {
    return false
  }

  override canEditInReadonly(): boolean {
    return false
  }

  component(shape: Shape) {
    return (
      <HTMLContainer
        className="wp-outside-content"
        style={{ width: shape.props.w, height: shape.props.h }}
        data-shape-type={shape.type}
      >
        <span>{messagesFor(this.editor.user.getLocale()).app.outsideContentHidden}</span>
      </HTMLContainer>
    )
  }

  override getIndicatorPath(shape: Shape): Path2D {
    const path = new Path2D()
    path.rect(0, 0, shape.props.w, shape.props.h)
    return path
  }

  /** In an exported picture: the same empty box, never the content. */
  override toSvg(shape: Shape) {
    return <rect width={shape.props.w} height={shape.props.h} fill="#f1f1f1" stroke="#b0b0b0" strokeDasharray="6 4" />
  }
}

export class OutsideImageShapeUtil extends OutsideContentShapeUtil<TLImageShape> {
  static override type = 'image' as const
  static override props = imageShapeProps
  static override migrations = imageShapeMigrations

  override getDefaultProps(): TLImageShape['props'] {
    return {
      w: 100,
      h: 100,
      assetId: null,
      playing: true,
      url: '',
      crop: null,
      flipX: false,
      flipY: false,
      altText: '',
    }
  }
}

export class OutsideVideoShapeUtil extends OutsideContentShapeUtil<TLVideoShape> {
  static override type = 'video' as const
  static override props = videoShapeProps
  static override migrations = videoShapeMigrations

  override getDefaultProps(): TLVideoShape['props'] {
    return { w: 100, h: 100, assetId: null, autoplay: false, url: '', altText: '', time: 0, playing: false }
  }
}

export class OutsideBookmarkShapeUtil extends OutsideContentShapeUtil<TLBookmarkShape> {
  static override type = 'bookmark' as const
  static override props = bookmarkShapeProps
  static override migrations = bookmarkShapeMigrations

  override getDefaultProps(): TLBookmarkShape['props'] {
    return { url: '', w: 300, h: 320, assetId: null }
  }
}

export class OutsideEmbedShapeUtil extends OutsideContentShapeUtil<TLEmbedShape> {
  static override type = 'embed' as const
  static override props = embedShapeProps
  static override migrations = embedShapeMigrations

  override getDefaultProps(): TLEmbedShape['props'] {
    return { w: 300, h: 300, url: '' }
  }
}

/** Pass with the board's other shape utils: they replace tldraw's defaults of the same types. */
export const outsideContentShapeUtils = [
  OutsideImageShapeUtil,
  OutsideVideoShapeUtil,
  OutsideBookmarkShapeUtil,
  OutsideEmbedShapeUtil,
] as const

/** The shape types whose content would come from outside the board. */
export const outsideContentShapeTypes: ReadonlySet<string> = new Set(outsideContentShapeUtils.map((util) => util.type))
