/** A backup or restore refused for a reason the operator can act on: its message is one sentence. */
export class BackupError extends Error {}
