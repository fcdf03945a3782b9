/** @module The record of changes, and the daily situation report drawn from it. */
import { presentChange } from '../../presenters/log-changes.ts';
import { logChanges } from '../../services/log-changes.ts';
import { situationReport } from '../../services/sitrep.ts';
import { sitrepMarkdown } from '../../presenters/sitrep.ts';
import { actorOf, type Handlers } from './types.ts';

export const logHandlers: Pick<Handlers, 'listLogChanges' | 'getSitrep' | 'getSitrepMarkdown'> = {
  async getSitrep(ctx) {
    return situationReport(ctx.deps, actorOf(ctx), ctx.query.date);
  },
  async getSitrepMarkdown(ctx) {
    const report = await situationReport(ctx.deps, actorOf(ctx), ctx.query.date);
    return { body: sitrepMarkdown(report), filename: `sitrep-${report.date}.md`, disposition: 'inline' };
  },
  async listLogChanges(ctx) {
    return { items: (await logChanges(ctx.deps, actorOf(ctx), ctx.query)).map((c) => presentChange(c, actorOf(ctx))) };
  },
};
