export * from './room/roomName.ts'
