import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { errorBodySchema, isRoomName, ROOM_NAME_RULE } from '@werkplaats/shared'
import { InvalidInputError } from '../domainErrors.ts'
import { json } from './openapiShapes.ts'

const roomSocket = createRoute({
  method: 'get',
  path: '/yjs/{room}',
  summary: "WebSocket (y-websocket protocol) to one of a session's rooms, with ?ticket= (single-use) or ?token=",
  description:
    'Rooms are named `<sessionId>-board` and `<sessionId>-control` (see `rooms` in GET /api/sessions/{id}). ' +
    'A missing or unknown token is closed with 4401, a token of another session with 4403, a deleted session ' +
    'with 4404; a write from a connection that may only read is closed with 4403 "read-only". ' +
    'The app connects with a single-use `ticket` from POST /api/sessions/{id}/tickets, so no token stands in a ' +
    'URL that proxies log; a used, expired or made-up ticket is closed with 4401, one of another session with ' +
    '4403. `token` is for API clients and the stock y-websocket provider; keep it out of access logs.',
  request: {
    params: z.object({ room: z.string() }),
    query: z.object({ ticket: z.string().optional(), token: z.string().optional() }),
  },
  responses: {
    101: { description: 'Switching to the WebSocket protocol.' },
    400: json(errorBodySchema, 'The room name is not a plain identifier.'),
    426: json(errorBodySchema, 'Not a WebSocket upgrade request.'),
  },
})

/**
 * The WebSocket endpoint as the HTTP API sees it: upgrades never reach Hono (see `rooms/roomEndpoint.ts`),
 * so a plain GET here was not an upgrade. Declared so the OpenAPI document lists it.
 */
export function yjsRoutes(): OpenAPIHono {
  return new OpenAPIHono().openapi(roomSocket, (c) => {
    if (!isRoomName(c.req.valid('param').room)) throw new InvalidInputError(ROOM_NAME_RULE)
    return c.json({ error: 'this endpoint speaks WebSocket: send an upgrade request' }, 426)
  })
}
