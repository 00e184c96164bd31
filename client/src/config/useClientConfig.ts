import { useEffect, useState } from 'react'
import { type ClientConfig, loadClientConfig } from './clientConfig.ts'

/** The server's run-time settings, once fetched (null until then). */
export function useClientConfig(): ClientConfig | null {
  const [config, setConfig] = useState<ClientConfig | null>(null)
  useEffect(() => {
    const abort = new AbortController()
    void loadClientConfig(abort.signal).then((result) => {
      if (!abort.signal.aborted) setConfig(result)
    })
    return () => abort.abort()
  }, [])
  return config
}
