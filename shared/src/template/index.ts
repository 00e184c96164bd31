export * from './text.ts'
export * from './principle.ts'
export * from './agenda.ts'
export * from './template.ts'
