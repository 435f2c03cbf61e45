import type { Handlers } from '../api';
import { DEMO_PROFILES } from '../demo/catalogue';
import { isDemoWorkspace } from '../settings';
import {
  addPerson,
  changeOwnPassword,
  createFirstAdmin,
  hasPeople,
  listPeople,
  resetPassword,
  setDisabled,
  updatePerson,
} from './people';
import { listSessions, revokeSession } from './sessions';

type AccountMethods =
  | 'session.me'
  | 'setup.firstAdmin'
  | 'people.list'
  | 'people.add'
  | 'people.update'
  | 'people.resetPassword'
  | 'people.setDisabled'
  | 'people.changePassword'
  | 'sessions.list'
  | 'sessions.revoke';

export const accountsHandlers: Pick<Handlers, AccountMethods> = {
  'session.me': async (_input, { ws, actor, sessionId }) => ({
    me:
      actor.profileId !== null && actor.role !== null && sessionId !== null
        ? {
            id: actor.profileId,
            name: actor.name,
            role: actor.role,
            merchantIds: actor.merchantIds,
            sessionId,
          }
        : null,
    needsFirstAdmin: !(await hasPeople(ws.kysely)),
    demoPeople: (await isDemoWorkspace(ws))
      ? DEMO_PROFILES.map((p) => ({ name: p.name, role: p.role, password: p.password }))
      : [],
  }),
  'setup.firstAdmin': async (input, { ws, actor }) => createFirstAdmin(ws, actor, input),
  'people.list': async (_input, { ws }) => listPeople(ws),
  'people.add': async (input, { ws, actor }) => addPerson(ws, actor, input),
  'people.update': async (input, { ws, actor }) => updatePerson(ws, actor, input),
  'people.resetPassword': async (input, { ws, actor }) => resetPassword(ws, actor, input),
  'people.setDisabled': async (input, { ws, actor }) => setDisabled(ws, actor, input),
  'people.changePassword': async (input, { ws, actor, sessionId }) =>
    changeOwnPassword(ws, actor, sessionId, input),
  'sessions.list': async (input, { ws, actor, sessionId }) =>
    listSessions(ws, actor, sessionId, input.personId),
  'sessions.revoke': async (input, { ws, actor }) => revokeSession(ws, actor, input.sessionId),
};
