export * from './crowd.ts'
export * from './interest.ts'
