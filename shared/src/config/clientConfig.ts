import { z } from 'zod'

/**
 * What the server tells the browser at run time (`GET /api/config`), so changing it needs no rebuild: tldraw's
 * production licence key, or null when the deployment has none.
 */
export const clientConfigSchema = z.object({ licenseKey: z.string().nullable() })
export type ClientConfig = z.infer<typeof clientConfigSchema>
