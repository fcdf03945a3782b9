/**
 * @module What a `truce` run reads and writes: its environment and standard streams. The real
 * command passes the process's own (`processIo`); tests run the same program in their process
 * with their own (test/support/cli.ts), so no command may read `process.env` or write to
 * `process.stdout` directly, nor end the process: a failure throws `CliExit` with its code.
 */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** The end of a run with this exit code; its message has already been written to stderr. */
export class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
    this.name = 'CliExit';
  }
}

export function processIo(): CliIo {
  return { env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}
