export * from './room/roomName.ts'
export * from './template/index.ts'
export * from './board/index.ts'
export * from './timer/index.ts'
