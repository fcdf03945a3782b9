/** @module The compliance part of the demo scenario, loaded inside the demo's one transaction. */
import type { DemoContext } from './context.ts';

export async function seedCompliance(_ctx: DemoContext): Promise<void> {}
