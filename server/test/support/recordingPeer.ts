import type { Peer, PeerAccess } from '../../src/rooms/peer.ts'

/** Who a recording peer is unless a test says otherwise: a participant on the board. */
export const participantOnBoard: PeerAccess = {
  role: 'participant',
  room: 'board',
  identity: { participantId: 'p1', name: 'Anna', role: 'participant' },
}

/** A peer that keeps what it is sent and how it was closed, for tests of rooms without sockets. */
export class RecordingPeer implements Peer {
  readonly access: PeerAccess
  constructor(access: PeerAccess = participantOnBoard) {
    this.access = access
  }
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
