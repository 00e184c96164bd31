import { useEffect, useState } from 'react'

/** Below this width the room shows the task first and the board one tap away (`PhoneRoom.tsx`). */
const phoneQuery = '(max-width: 767px)'

export function usePhoneLayout(): boolean {
  const [phone, setPhone] = useState(() => window.matchMedia(phoneQuery).matches)
  useEffect(() => {
    const query = window.matchMedia(phoneQuery)
    const change = () => setPhone(query.matches)
    query.addEventListener('change', change)
    return () => query.removeEventListener('change', change)
  }, [])
  return phone
}
