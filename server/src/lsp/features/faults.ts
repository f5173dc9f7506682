// Fault injection for the crash-policy tests (registered only when the host enables it:
// the Node server with WORKREPORT_TEST_FAULTS=1). `workreport/test/fault` {where}:
//   request   → the request handler throws (answered with an error; the server lives on)
//   timer     → a timer callback throws after the answer (the process ends)
//   rejection → a promise nobody awaits rejects (the process ends)
// and the notification of the same name throws in its handler (the process ends).
// `workreport/test/hold` {hold}: while held, a two-phase analysis waits before each
// whole-document rule (after its quick result), so that a test can edit during one.
import type { ServerContext } from '../context';
import type { Feature } from '../feature';

export const FAULT_METHOD = 'workreport/test/fault';
export const HOLD_METHOD = 'workreport/test/hold';

function fault(where: string): Error {
  return new Error(`injected fault (${where})`);
}

export const faultsFeature: Feature = {
  register(ctx: ServerContext) {
    ctx.connection.onRequest(FAULT_METHOD, (params: { where?: string } | null) => {
      const where = params?.where ?? 'request';
      if (where === 'timer') setTimeout(() => {
        throw fault(where);
      }, 10);
      // After the answer has gone out: a promise nobody awaits rejects.
      else if (where === 'rejection') setTimeout(() => void Promise.reject(fault(where)), 10);
      else throw fault(where);
      return where;
    });
    let release: (() => void) | undefined;
    ctx.connection.onRequest(HOLD_METHOD, (params: { hold?: boolean } | null) => {
      if (params?.hold && !ctx.testHold) ctx.testHold = new Promise((resolve) => (release = resolve));
      else if (!params?.hold && release) {
        ctx.testHold = undefined;
        release();
        release = undefined;
      }
      return !!ctx.testHold;
    });
    ctx.connection.onNotification(FAULT_METHOD, () => {
      throw fault('notification');
    });
  },
};
