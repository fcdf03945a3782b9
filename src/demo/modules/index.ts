/** @module Each capability's part of the demo, in dependency order (sectors before reports and plans). */
import type { DemoContext } from './context.ts';
import { seedGeo } from './geo.ts';
import { seedMonitoring } from './monitoring.ts';
import { seedForce } from './force.ts';
import { seedCompliance } from './compliance.ts';
import { seedConsent } from '../../capabilities/consent/demo/seed.ts';

export async function seedDemoModules(ctx: DemoContext): Promise<void> {
  await seedGeo(ctx);
  await seedForce(ctx);
  await seedMonitoring(ctx);
  await seedCompliance(ctx);
  await seedConsent(ctx);
}
