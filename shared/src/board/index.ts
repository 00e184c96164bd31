export * from './layout.ts'
export * from './presence.ts'
