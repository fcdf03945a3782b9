/** @module The sectors (Gaza's five governorates) and control line of the demo scenario. */
import type { DemoContext } from './context.ts';

export async function seedGeo(_ctx: DemoContext): Promise<void> {}
