/** What the server tells the page at run time (GET /api/config), so changing it needs no rebuild. */
export interface ClientConfig {
  /** tldraw's production licence key, or null when the server has none. */
  licenseKey: string | null
  /** Days an idle session is kept (RETENTION_DAYS), for the privacy statement; null when the server did not say. */
  retentionDays: number | null
  /** Whom to ask about personal data (PRIVACY_CONTACT), or null when the operator named nobody. */
  privacyContact: string | null
}

const NO_CONFIG: ClientConfig = { licenseKey: null, retentionDays: null, privacyContact: null }

export async function fetchClientConfig(signal?: AbortSignal): Promise<ClientConfig> {
  try {
    const response = await fetch('/api/config', { signal, headers: { accept: 'application/json' } })
    if (!response.ok) return NO_CONFIG
    const body: unknown = await response.json()
    if (typeof body !== 'object' || body === null) return NO_CONFIG
    const { licenseKey, retentionDays, privacyContact } = body as Record<string, unknown>
    return {
      licenseKey: typeof licenseKey === 'string' && licenseKey.trim() ? licenseKey.trim() : null,
      retentionDays: Number.isInteger(retentionDays) && Number(retentionDays) > 0 ? Number(retentionDays) : null,
      privacyContact: typeof privacyContact === 'string' && privacyContact.trim() ? privacyContact.trim() : null,
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
