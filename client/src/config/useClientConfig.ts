import { useEffect, useState } from 'react'
import { type ClientConfig, fetchClientConfig } from './clientConfig.ts'

/** The server's run-time settings, once fetched (null until then). */
export function useClientConfig(): ClientConfig | null {
  const [config, setConfig] = useState<ClientConfig | null>(null)
  useEffect(() => {
    const abort = new AbortController()
    void fetchClientConfig(abort.signal).then((result) => {
      if (!abort.signal.aborted) setConfig(result)
    })
    return () => abort.abort()
  }, [])
  return config
}
