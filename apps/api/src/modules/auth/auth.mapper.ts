import { type AuthUser, type Role } from '@tally/domain';
import { type Actor } from '../../common/auth/actor.js';
import { type SubjectRow } from './auth.repository.js';

export function toAuthUser(row: SubjectRow): AuthUser {
  return {
    id: row.id,
    role: row.role as Role,
    name: row.name,
    email: row.email,
    storeIds: row.store_ids,
    cardNumber: row.card_number,
  };
}

export function actorToAuthUser(actor: Actor): AuthUser {
  return {
    id: actor.id,
    role: actor.role,
    name: actor.name,
    email: actor.kind === 'pos' ? null : actor.email,
    storeIds: actor.storeIds,
    cardNumber: actor.kind === 'member' ? actor.cardNumber : null,
  };
}

export function toActor(row: SubjectRow, sessionId: string): Actor {
  if (row.subject_type === 'member') {
    return {
      kind: 'member',
      id: row.id,
      role: 'member',
      name: row.name,
      email: row.email,
      cardNumber: row.card_number ?? '',
      sessionId,
      storeIds: [],
    };
  }
  return {
    kind: 'staff',
    id: row.id,
    role: row.role as Exclude<Role, 'member' | 'pos'>,
    name: row.name,
    email: row.email ?? '',
    sessionId,
    storeIds: row.store_ids,
  };
}
