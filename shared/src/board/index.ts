export * from './layout.ts'
export * from './presence.ts'
export * from './privateStickies.ts'
export * from './revealPlacement.ts'
