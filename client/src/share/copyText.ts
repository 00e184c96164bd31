/**
 * Puts text on the clipboard. The asynchronous clipboard API exists only in secure contexts (https,
 * localhost); a workshop on a LAN address over plain http has the older selection-based copy instead.
 */
export async function copyText(text: string, fallbackInput: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // Permission refused: try the selection below.
  }
  if (!fallbackInput) return false
  fallbackInput.focus()
  fallbackInput.select()
  try {
    // Deprecated, but the only way left without the clipboard API; harmless when it does nothing.
    return document.execCommand('copy')
  } catch {
    return false
  }
}
