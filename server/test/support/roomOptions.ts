import type { RoomManagerOptions } from '../../src/rooms/roomManager.ts'
import { serverPersistenceTimings } from '../../src/rooms/persistedDoc.ts'
import type { RoomOptions } from '../../src/rooms/room.ts'

/**
 * Room settings for unit tests: a quick presence tick, and budgets and thresholds so large that nothing but what a
 * test sets on purpose (spread over these) paces, compacts or pauses.
 */
export const testRoomOptions: RoomOptions = {
  awarenessTickMs: 20,
  awarenessBytesPerSecond: 1 << 30,
  slowdown: () => 1,
  compactAfterBytes: 1 << 30,
  compactAfterUpdates: 1 << 30,
  maxUnstoredBytes: 1 << 30,
  maxBoardBytes: 1 << 30,
  maxPrivateRoomBytes: 1 << 30,
  maxControlRoomBytes: 1 << 30,
  // A test that is about compaction or gaps passes its own queue or wait.
  ...serverPersistenceTimings(),
}

/** `testRoomOptions` for a `RoomManager`: rooms stay loaded for a minute, ten connections per board and person. */
export const testRoomManagerOptions: RoomManagerOptions = {
  ...testRoomOptions,
  unloadAfterMs: 60_000,
  maxPeersPerRoom: 10,
  maxPeersPerPerson: 10,
  maxObserverPeersPerRoom: 10,
}
