import { useId, type InputHTMLAttributes, type Ref } from 'react'

/**
 * A labelled text input whose error, when it has one, is tied to it (aria-invalid, aria-describedby), so a
 * screen reader reads the problem with the field. The label's text is the field's accessible name.
 */
export function TextField({
  label,
  value,
  onChange,
  error,
  inputRef,
  ...inputProps
}: {
  label: string
  value: string
  onChange: (value: string) => void
  /** The message for this field, or null. */
  error: string | null
  inputRef?: Ref<HTMLInputElement>
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'>) {
  const id = useId()
  const errorId = useId()
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        {...inputProps}
        id={id}
        ref={inputRef}
        value={value}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error !== null ? <FormError id={errorId} text={error} /> : null}
    </>
  )
}

/** A problem with the form as a whole (the server said no, the network failed), announced at once. */
export function FormError({ id, text }: { id?: string; text: string | null }) {
  if (text === null) return null
  return (
    <p id={id} className="wp-error" role="alert">
      {text}
    </p>
  )
}
