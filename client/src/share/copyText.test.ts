import { afterEach, describe, expect, it, vi } from 'vitest'
import { copyText } from './copyText.ts'

/** The selection-based copy's input field: it records being focused and selected. */
function fallbackField() {
  const done: string[] = []
  return {
    done,
    input: { focus: () => done.push('focus'), select: () => done.push('select') } as unknown as HTMLInputElement,
  }
}

function page({ secure, clipboard }: { secure: boolean; clipboard?: (text: string) => Promise<void> }) {
  const execCommand = vi.fn(() => true)
  vi.stubGlobal('window', { isSecureContext: secure })
  vi.stubGlobal('navigator', { clipboard: clipboard ? { writeText: clipboard } : undefined })
  vi.stubGlobal('document', { execCommand })
  return execCommand
}

describe('copying a link', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('uses the clipboard API where the page is a secure context', async () => {
    const written: string[] = []
    const execCommand = page({ secure: true, clipboard: async (text) => void written.push(text) })
    const field = fallbackField()
    expect(await copyText('https://werkplaats.example.org/join', field.input)).toBe(true)
    expect(written).toEqual(['https://werkplaats.example.org/join'])
    expect(field.done).toEqual([])
    expect(execCommand).not.toHaveBeenCalled()
  })

  it('selects the field and copies the selection on a LAN address over plain http', async () => {
    const execCommand = page({ secure: false, clipboard: async () => undefined })
    const field = fallbackField()
    expect(await copyText('http://192.168.1.20:8080/join', field.input)).toBe(true)
    expect(field.done).toEqual(['focus', 'select'])
    expect(execCommand).toHaveBeenCalledWith('copy')
  })

  it('falls back to the selection when the clipboard permission is refused', async () => {
    const execCommand = page({
      secure: true,
      clipboard: () => Promise.reject(new DOMException('denied', 'NotAllowedError')),
    })
    expect(await copyText('x', fallbackField().input)).toBe(true)
    expect(execCommand).toHaveBeenCalledWith('copy')
  })

  it('says it did not copy when there is no field to select, or the old copy fails', async () => {
    page({ secure: false })
    expect(await copyText('x', null)).toBe(false)
    const execCommand = page({ secure: false })
    execCommand.mockImplementation(() => {
      throw new Error('not supported')
    })
    expect(await copyText('x', fallbackField().input)).toBe(false)
    page({ secure: false }).mockReturnValue(false)
    expect(await copyText('x', fallbackField().input)).toBe(false)
  })
})
