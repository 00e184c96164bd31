export * from './timer.ts'
export * from './clock.ts'
