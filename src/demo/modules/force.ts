/** @module The force part of the demo scenario, loaded inside the demo's one transaction. */
import type { DemoContext } from './context.ts';

export async function seedForce(_ctx: DemoContext): Promise<void> {}
