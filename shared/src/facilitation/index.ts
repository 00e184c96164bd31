export * from './state.ts'
export * from './doc.ts'
export * from './follow.ts'
export * from './stageChange.ts'
