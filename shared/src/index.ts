export * from './room/roomName.ts'
export * from './board/index.ts'
