import { type Member } from '@tally/domain';
import { type MemberRow } from './members.repository.js';

export function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    cardNumber: row.card_number,
    email: row.email,
    name: row.name,
    phone: row.phone,
    birthday: row.birthday,
    marketingConsent: row.marketing_consent,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
