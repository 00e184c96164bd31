export * from './cardSize.ts'
export * from './templateLayout.ts'
export * from './layoutChecks.ts'
export * from './writingSpot.ts'
