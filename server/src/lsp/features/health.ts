// `workreport/health`: a small debug request for tests and the bench — the server's memory
// (after a full garbage collection when the runtime exposes one, e.g. node --expose-gc) and
// how much it holds (open documents, cached analyses), and how long its last analysis took. No Node import: the web-worker server
// answers too, with what its runtime has.
import type { ServerContext } from '../context';
import type { Feature } from '../feature';
import { HEALTH_REQUEST, type Health } from '../protocol';

export const healthFeature: Feature = {
  register(ctx: ServerContext) {
    ctx.connection.onRequest(HEALTH_REQUEST, (): Health => {
      const g = globalThis as { gc?: () => void; process?: { memoryUsage?: () => Health['memory'] } };
      if (typeof g.gc === 'function') g.gc();
      return { documents: ctx.documents.all().length, analyses: ctx.cachedAnalyses, memory: g.process?.memoryUsage?.(), gc: typeof g.gc === 'function', lastAnalysis: ctx.lastAnalysis, abandoned: ctx.abandoned, refreshes: ctx.refreshes, warmUpEdits: ctx.warmUpEdits, idleCollections: ctx.idleCollections, completionsFromAnalysis: ctx.completionsFromAnalysis };
    });
  },
};
