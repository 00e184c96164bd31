/**
 * Polls `check` until it holds, failing with `message` after `timeoutMs`. For what gives no event to wait on: a
 * process starting, a port opening, a row appearing in a store, a count on the far side of a socket.
 */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  message: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${message}`)
    // The one pause of the test helpers: the interval between two looks.
    await new Promise((r) => setTimeout(r, 20))
  }
}
