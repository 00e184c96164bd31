import { pino, type DestinationStream, type Level, type Logger } from 'pino'

/**
 * Fields that carry a secret wherever they stand in a log line: a token, a WebSocket ticket, an invitation (a join
 * code or the link's secret), an Authorization or Cookie header. The server never logs headers, query strings or
 * request bodies; should a field like these reach a log call all the same (an error's context), its value is
 * replaced, at the top level and one level down.
 */
const SECRET_FIELDS = ['token', 'ticket', 'invite', 'secret', 'authorization', 'cookie', 'password']
const REDACTED_PATHS = SECRET_FIELDS.flatMap((field) => [field, `*.${field}`])

export interface LogSettings {
  level: Level | 'silent'
  /** `json`: one object a line, for a log collector; `pretty`: readable, coloured lines for development. */
  format: 'json' | 'pretty'
}

/** Where lines go: stdout until `configureLog` chooses, so a line logged before the configuration is read is kept. */
let output: DestinationStream = process.stdout
const destination: DestinationStream = { write: (line: string) => output.write(line) }

/**
 * The server's log: JSON lines on stdout (`pino`), one per request (`http/requestObserver.ts`) and per connection
 * event (`rooms/roomEndpoint.ts`), and whatever goes wrong. Modules log through children of it that name their part
 * (`log.child({ part: 'rooms' })`). Configured once, from the environment, by `configureLog`.
 */
export const log: Logger = pino(
  {
    level: 'info',
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Log collectors sort by the level's name; the number means nothing to whoever reads the line.
    formatters: { level: (label) => ({ level: label }) },
  },
  destination,
)

export async function configureLog(settings: LogSettings): Promise<void> {
  log.level = settings.level
  if (settings.format === 'json') {
    output = process.stdout
    return
  }
  // Loaded only when asked for: a development aid that production need not load at every start.
  const { PinoPretty } = await import('pino-pretty')
  // Synchronous, so that the last lines of a drain are out before the process exits.
  output = PinoPretty({ sync: true, translateTime: 'SYS:HH:MM:ss.l' })
}
