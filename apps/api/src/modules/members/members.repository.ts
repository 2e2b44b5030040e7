import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { rowsOf } from '../../database/rows.js';

export interface MemberRow {
  id: string;
  card_number: string;
  email: string | null;
  password_hash: string | null;
  name: string;
  phone: string | null;
  birthday: string | null;
  marketing_consent: boolean;
  status: 'active' | 'closed';
  created_at: Date;
}

const COLUMNS = `id, card_number, email, password_hash, name, phone, to_char(birthday, 'YYYY-MM-DD') AS birthday,
  marketing_consent, status, created_at`;

export interface NewMember {
  cardNumber: string;
  email: string;
  passwordHash: string;
  name: string;
  phone: string | null;
  birthday: string | null;
  marketingConsent: boolean;
}

@Injectable()
export class MembersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts unless the email or card number is taken; returns which constraint refused it. */
  async insert(
    manager: EntityManager,
    member: NewMember,
  ): Promise<{ row: MemberRow } | { conflict: 'email' | 'card' }> {
    try {
      const rows: MemberRow[] = await manager.query(
        `INSERT INTO member (card_number, email, password_hash, name, phone, birthday, marketing_consent)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
        [
          member.cardNumber,
          member.email,
          member.passwordHash,
          member.name,
          member.phone,
          member.birthday,
          member.marketingConsent,
        ],
      );
      return { row: rows[0]! };
    } catch (error) {
      const constraint = (error as { driverError?: { constraint?: string } }).driverError?.constraint;
      if (constraint === 'member_email_uq') return { conflict: 'email' };
      if (constraint === 'member_card_number_uq') return { conflict: 'card' };
      throw error;
    }
  }

  async findById(id: string, manager?: EntityManager): Promise<MemberRow | undefined> {
    const rows: MemberRow[] = await (manager ?? this.dataSource).query(
      `SELECT ${COLUMNS} FROM member WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  async update(
    manager: EntityManager,
    id: string,
    changes: { name?: string; phone?: string | null; birthday?: string | null; marketingConsent?: boolean },
  ): Promise<MemberRow | undefined> {
    const rows: MemberRow[] = rowsOf(
      await manager.query(
        `UPDATE member SET
          name = CASE WHEN $2 THEN $3 ELSE name END,
          phone = CASE WHEN $4 THEN $5 ELSE phone END,
          birthday = CASE WHEN $6 THEN $7::date ELSE birthday END,
          marketing_consent = CASE WHEN $8 THEN $9 ELSE marketing_consent END,
          updated_at = now()
        WHERE id = $1 AND status = 'active'
        RETURNING ${COLUMNS}`,
        [
          id,
          changes.name !== undefined,
          changes.name ?? null,
          changes.phone !== undefined,
          changes.phone ?? null,
          changes.birthday !== undefined,
          changes.birthday ?? null,
          changes.marketingConsent !== undefined,
          changes.marketingConsent ?? false,
        ],
      ),
    );
    return rows[0];
  }

  /**
   * Erases personal data; the row (and so the ledger's member id) stays as an anonymous closed member.
   * The card number is replaced too, so the old card cannot be linked back.
   */
  async anonymise(manager: EntityManager, id: string, newCardNumber: string): Promise<boolean> {
    const rows: unknown[] = rowsOf(
      await manager.query(
        `UPDATE member SET email = NULL, password_hash = NULL, phone = NULL, birthday = NULL, name = 'Closed account',
              marketing_consent = false, card_number = $2, status = 'closed', closed_at = now(), updated_at = now()
        WHERE id = $1 AND status = 'active' RETURNING id`,
        [id, newCardNumber],
      ),
    );
    return rows.length === 1;
  }

  async forgetLoginAttempts(manager: EntityManager, email: string): Promise<void> {
    await manager.query(`DELETE FROM login_attempt WHERE email = $1`, [email]);
  }
}
