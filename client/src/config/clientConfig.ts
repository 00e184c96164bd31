import { fetchClientConfig } from '../api/apiClient.ts'

/**
 * What the page knows of the server's run-time settings: the shared schema's, with `retentionDays` null when the
 * server could not be asked (the page still works; the privacy page then names no number of days).
 */
export interface ClientConfig {
  licenseKey: string | null
  retentionDays: number | null
  privacyContact: string | null
}

const NO_CONFIG: ClientConfig = { licenseKey: null, retentionDays: null, privacyContact: null }

/** The deployment's run-time settings (`GET /api/config`), so changing them needs no rebuild. */
export async function loadClientConfig(signal?: AbortSignal): Promise<ClientConfig> {
  try {
    const { licenseKey, retentionDays, privacyContact } = await fetchClientConfig(signal)
    return {
      licenseKey: licenseKey?.trim() ? licenseKey.trim() : null,
      retentionDays,
      privacyContact: privacyContact?.trim() ? privacyContact.trim() : null,
    }
  } catch {
    // Without the config the board still works (unlicensed); the licence notice then says what is missing.
    return NO_CONFIG
  }
}

/** tldraw runs unlicensed without complaint on these hosts only; everywhere else it needs a key. */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host)
}
