import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { connectRaw } from './clients.ts'
import type { RoomTarget } from './sessions.ts'

/**
 * A client that records every frame a room sends it, byte for byte, for tests about what may never reach a
 * browser. It asks for the whole document once (sync step 1), like the stock client, and never writes.
 */
export interface RoomRecorder {
  readonly frames: Uint8Array[]
  /** The document as the frames received so far build it. */
  doc(): Y.Doc
  close(): void
}

export async function recordRoom(wsUrl: string, target: RoomTarget): Promise<RoomRecorder> {
  const raw = await connectRaw(wsUrl, target)
  const frames: Uint8Array[] = []
  raw.socket.on('message', (data: Buffer) => frames.push(new Uint8Array(data)))
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  syncProtocol.writeSyncStep1(encoder, new Y.Doc())
  raw.socket.send(encoding.toUint8Array(encoder))
  return {
    frames,
    doc() {
      const doc = new Y.Doc()
      for (const frame of frames) {
        const decoder = decoding.createDecoder(frame)
        if (decoding.readVarUint(decoder) !== 0) continue
        syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, 'recorder')
      }
      return doc
    },
    close: () => raw.socket.close(),
  }
}
