export * from './layout.ts'
export * from './table.ts'
