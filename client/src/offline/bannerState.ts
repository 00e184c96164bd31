import type { ConnectionState } from '../connection/roomConnection.ts'

/**
 * The connection as the banner tells it. A board shown from this device's copy before any server answered is
 * offline in the person's terms (they can work, and it is kept), not "connecting" as a first visit would be.
 */
export function bannerConnectionState(connection: ConnectionState, shownFromDevice: boolean): ConnectionState {
  return connection === 'connecting' && shownFromDevice ? 'offline' : connection
}
