/**
 * @module A bound on concurrent password checks in this process. scrypt runs on libuv's small
 * thread pool; a burst of sign-ins would otherwise queue there and make every sign-in (and any
 * file read) wait for seconds. A check that finds the gate full is refused at once (the caller
 * answers 429 with Retry-After), never queued.
 */
export class PasswordGate {
  private inUse = 0;

  constructor(readonly limit: number) {}

  /** A release function when a slot is free, undefined when the gate is full. */
  tryEnter(): (() => void) | undefined {
    if (this.inUse >= this.limit) return undefined;
    this.inUse++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inUse--;
    };
  }
}
