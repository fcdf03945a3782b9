/**
 * @module A bound on concurrent password checks in this process. scrypt runs on libuv's small
 * thread pool; a burst of sign-ins would otherwise queue there and make every sign-in (and any
 * file read) wait for seconds. A few checks may wait briefly for a slot (a mission's staff
 * signing in at the start of a shift should not see refusals); beyond that short, bounded queue,
 * or after waiting `maxWaitMs`, a check is refused (the caller answers 429 with Retry-After).
 */
export class PasswordGate {
  private inUse = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly limit: number,
    /** How many checks may wait for a slot at once; more are refused at once. */
    readonly maxQueue = limit * 2,
    /** How long a waiting check waits before it is refused. */
    readonly maxWaitMs = 750,
  ) {}

  /** A release function when a slot is free, undefined when the gate is full. */
  tryEnter(): (() => void) | undefined {
    if (this.inUse >= this.limit) return undefined;
    this.inUse++;
    return this.releaser();
  }

  /** Like tryEnter, but waits (bounded in count and time) for a slot to free. */
  async enter(): Promise<(() => void) | undefined> {
    const now = this.tryEnter();
    if (now || this.waiting.length >= this.maxQueue) return now;
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.inUse++;
        resolve(this.releaser());
      };
      const timer = setTimeout(() => {
        const i = this.waiting.indexOf(wake);
        if (i >= 0) this.waiting.splice(i, 1);
        resolve(undefined);
      }, this.maxWaitMs);
      this.waiting.push(wake);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inUse--;
      // Hand the slot straight to the longest waiter, so a queued check is never overtaken.
      this.waiting.shift()?.();
    };
  }
}
