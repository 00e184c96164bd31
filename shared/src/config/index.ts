export * from './clientConfig.ts'
