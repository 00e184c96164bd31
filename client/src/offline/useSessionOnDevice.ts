import type { SessionView } from '@werkplaats/shared'
import { useEffect, useState } from 'react'
import { useValue } from 'tldraw'
import type { RefusalReason } from '../connection/roomConnection.ts'
import { refusalClearsLocalCopy } from './keepRules.ts'
import { SessionOnDevice, type SendingState } from './sessionOnDevice.ts'

/** The open session as this device keeps it; null for the first render, until it is made. */
export function useSessionOnDevice(view: SessionView): SessionOnDevice | null {
  const [device, setDevice] = useState<SessionOnDevice | null>(null)
  useEffect(() => {
    const created = new SessionOnDevice(view)
    setDevice(created)
    return () => {
      created.dispose()
      setDevice(null)
    }
  }, [view])
  return device
}

const QUIET: SendingState = { kind: 'quiet' }

export function useSending(device: SessionOnDevice | null): SendingState {
  return useValue('sending', () => device?.sending.get() ?? QUIET, [device])
}

/** A deleted session or a removal leaves nothing of the session on this device. */
export function useForgetOnRefusal(device: SessionOnDevice | null, refusal: RefusalReason | null): void {
  useEffect(() => {
    if (device && refusal && refusalClearsLocalCopy(refusal)) void device.forget()
  }, [device, refusal])
}
