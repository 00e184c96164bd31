export * from './state.ts'
export * from './doc.ts'
