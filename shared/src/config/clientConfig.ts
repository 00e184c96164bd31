import { z } from 'zod'

/**
 * What the server tells the browser at run time (`GET /api/config`), so changing it needs no rebuild: tldraw's
 * production licence key (null when the deployment has none), and for the privacy statement the days an idle
 * session is kept and whom to ask (null when the operator named no one).
 */
export const clientConfigSchema = z.object({
  licenseKey: z.string().nullable(),
  retentionDays: z.int().min(1),
  privacyContact: z.string().nullable(),
})
export type ClientConfig = z.infer<typeof clientConfigSchema>
