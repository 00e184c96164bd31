import { z } from 'zod'

/**
 * zod compiles object parsers with `new Function` where it may, and finds out whether it may by trying, when a
 * schema is built. The page's Content-Security-Policy forbids eval, so every try would be refused and reported
 * as a policy violation. Compiled parsers only make large parses faster; without them zod never tries.
 *
 * Imported first by main.tsx and importing nothing but zod (the same copy `@werkplaats/shared` uses), so this
 * runs before any module builds a schema.
 */
z.config({ jitless: true })
