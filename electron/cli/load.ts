import type { invoke as invokeNow } from '../services/api';

/** The services, loaded by the first command that needs them (./services.ts says why). */
export const services = () => import('./services');

/** The typed door into the contract (services/api.ts `invoke`), loading the services on first use. */
export const invoke: typeof invokeNow = async (ws, method, input, context) =>
  (await services()).invoke(ws, method, input, context);
