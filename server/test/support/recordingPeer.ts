import type { Peer } from '../../src/rooms/peer.ts'

/** A peer that keeps what it is sent and how it was closed, for tests of rooms without sockets. */
export class RecordingPeer implements Peer {
  readonly frames: Uint8Array[] = []
  closedWith: { code: number; reason: string } | undefined
  send(frame: Uint8Array): void {
    this.frames.push(frame)
  }
  close(code: number, reason: string): void {
    this.closedWith = { code, reason }
  }
  paused = false
  pause(): void {
    this.paused = true
  }
  resume(): void {
    this.paused = false
  }
  framesOfKind(kind: number): Uint8Array[] {
    return this.frames.filter((frame) => frame[0] === kind)
  }
}
