import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Audience } from '@tally/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { rowsOf } from '../../database/rows.js';

export interface SubjectRow {
  subject_type: Audience;
  id: string;
  email: string | null;
  name: string;
  password_hash: string | null;
  status: string;
  role: string;
  card_number: string | null;
  store_ids: string[];
}

export interface SessionRow extends SubjectRow {
  session_id: string;
  access_expires_at: Date;
  refresh_expires_at: Date;
  revoked_at: Date | null;
}

export interface NewSession {
  subjectType: Audience;
  subjectId: string;
  accessHash: string;
  accessExpiresAt: Date;
  refreshHash: string;
  refreshExpiresAt: Date;
  ip: string;
  userAgent: string | null;
}

/** One SELECT that yields a member or a staff user in the same shape (role, status, stores). */
const SUBJECT_SQL = `
  SELECT 'member' AS subject_type, m.id, m.email, m.name, m.password_hash, m.status, 'member' AS role,
         m.card_number, ARRAY[]::uuid[] AS store_ids
    FROM member m WHERE $where_member
  UNION ALL
  SELECT 'staff', s.id, s.email, s.name, s.password_hash, s.status, s.role, NULL,
         coalesce((SELECT array_agg(ss.store_id ORDER BY ss.store_id) FROM staff_store ss WHERE ss.staff_id = s.id), ARRAY[]::uuid[])
    FROM staff_user s WHERE $where_staff`;

function subjectSql(whereMember: string, whereStaff: string): string {
  return SUBJECT_SQL.replace('$where_member', whereMember).replace('$where_staff', whereStaff);
}

@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findByEmail(audience: Audience, email: string): Promise<SubjectRow | undefined> {
    const rows: SubjectRow[] = await this.dataSource.query(
      subjectSql(`$2 = 'member' AND m.email = $1`, `$2 = 'staff' AND s.email = $1`),
      [email, audience],
    );
    return rows[0];
  }

  async findSubject(
    audience: Audience,
    id: string,
    manager?: EntityManager,
  ): Promise<SubjectRow | undefined> {
    const rows: SubjectRow[] = await (manager ?? this.dataSource).query(
      subjectSql(`$2 = 'member' AND m.id = $1`, `$2 = 'staff' AND s.id = $1`),
      [id, audience],
    );
    return rows[0];
  }

  async sessionByAccessHash(accessHash: string): Promise<SessionRow | undefined> {
    const rows: SessionRow[] = await this.dataSource.query(
      `SELECT a.id AS session_id, a.access_expires_at, a.refresh_expires_at, a.revoked_at, sub.*
         FROM auth_session a
         JOIN LATERAL (${subjectSql('m.id = a.subject_id AND a.subject_type = $2', 's.id = a.subject_id AND a.subject_type = $3')}) sub ON true
        WHERE a.access_hash = $1`,
      [accessHash, 'member', 'staff'],
    );
    return rows[0];
  }

  async sessionByRefreshHash(refreshHash: string): Promise<
    | {
        id: string;
        subject_type: Audience;
        subject_id: string;
        refresh_expires_at: Date;
        revoked_at: Date | null;
      }
    | undefined
  > {
    const rows: {
      id: string;
      subject_type: Audience;
      subject_id: string;
      refresh_expires_at: Date;
      revoked_at: Date | null;
    }[] = await this.dataSource.query(
      `SELECT id, subject_type, subject_id, refresh_expires_at, revoked_at FROM auth_session WHERE refresh_hash = $1`,
      [refreshHash],
    );
    return rows[0];
  }

  /** A refresh token that was already rotated away: someone replayed it. */
  async sessionByPreviousRefreshHash(refreshHash: string): Promise<{ id: string } | undefined> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM auth_session WHERE previous_refresh_hash = $1`,
      [refreshHash],
    );
    return rows[0];
  }

  async createSession(session: NewSession, manager?: EntityManager): Promise<string> {
    const rows: { id: string }[] = await (manager ?? this.dataSource).query(
      `INSERT INTO auth_session (subject_type, subject_id, access_hash, access_expires_at, refresh_hash, refresh_expires_at, ip, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        session.subjectType,
        session.subjectId,
        session.accessHash,
        session.accessExpiresAt,
        session.refreshHash,
        session.refreshExpiresAt,
        session.ip,
        session.userAgent,
      ],
    );
    return rows[0]!.id;
  }

  /** Rotates both tokens, only if the presented refresh token is still the current one (exactly once). */
  async rotateSession(
    id: string,
    currentRefreshHash: string,
    next: { accessHash: string; accessExpiresAt: Date; refreshHash: string; refreshExpiresAt: Date },
  ): Promise<boolean> {
    const rows: unknown[] = rowsOf(
      await this.dataSource.query(
        `UPDATE auth_session
          SET access_hash = $3, access_expires_at = $4, refresh_hash = $5, refresh_expires_at = $6,
              previous_refresh_hash = $2, refreshed_at = now()
        WHERE id = $1 AND refresh_hash = $2 AND revoked_at IS NULL
        RETURNING id`,
        [
          id,
          currentRefreshHash,
          next.accessHash,
          next.accessExpiresAt,
          next.refreshHash,
          next.refreshExpiresAt,
        ],
      ),
    );
    return rows.length === 1;
  }

  async revokeSession(id: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE auth_session SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`,
      [id, reason],
    );
  }

  async revokeSubjectSessions(
    audience: Audience,
    subjectId: string,
    reason: string,
    manager?: EntityManager,
  ): Promise<void> {
    await (manager ?? this.dataSource).query(
      `UPDATE auth_session SET revoked_at = now(), revoked_reason = $3
        WHERE subject_type = $1 AND subject_id = $2 AND revoked_at IS NULL`,
      [audience, subjectId, reason],
    );
  }

  async recordAttempt(email: string, audience: Audience, ip: string, succeeded: boolean): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO login_attempt (email, audience, ip, succeeded) VALUES ($1, $2, $3, $4)`,
      [email, audience, ip, succeeded],
    );
  }

  /** Failures for this account since its last success, within the window. */
  async recentAccountFailures(
    email: string,
    audience: Audience,
    windowSeconds: number,
  ): Promise<{ count: number; oldest: Date | null }> {
    const rows: { n: string; oldest: Date | null }[] = await this.dataSource.query(
      `SELECT count(*)::text AS n, min(created_at) AS oldest FROM login_attempt
        WHERE email = $1 AND audience = $2 AND NOT succeeded
          AND created_at > greatest(now() - make_interval(secs => $3),
                (SELECT coalesce(max(created_at), '-infinity') FROM login_attempt WHERE email = $1 AND audience = $2 AND succeeded))`,
      [email, audience, windowSeconds],
    );
    return { count: Number(rows[0]!.n), oldest: rows[0]!.oldest };
  }

  async recentAddressFailures(ip: string, windowSeconds: number): Promise<number> {
    const rows: { n: string }[] = await this.dataSource.query(
      `SELECT count(*)::text AS n FROM login_attempt
        WHERE ip = $1 AND NOT succeeded AND created_at > now() - make_interval(secs => $2)`,
      [ip, windowSeconds],
    );
    return Number(rows[0]!.n);
  }

  async markLogin(audience: Audience, id: string): Promise<void> {
    if (audience === 'staff')
      await this.dataSource.query(`UPDATE staff_user SET last_login_at = now() WHERE id = $1`, [id]);
  }

  async createToken(
    manager: EntityManager,
    token: {
      purpose: 'password_reset' | 'invitation';
      subjectType: Audience;
      subjectId: string;
      hash: string;
      expiresAt: Date;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO auth_token (purpose, subject_type, subject_id, token_hash, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [token.purpose, token.subjectType, token.subjectId, token.hash, token.expiresAt],
    );
  }

  async recentTokenCount(
    purpose: string,
    audience: Audience,
    subjectId: string,
    windowSeconds: number,
  ): Promise<number> {
    const rows: { n: string }[] = await this.dataSource.query(
      `SELECT count(*)::text AS n FROM auth_token
        WHERE purpose = $1 AND subject_type = $2 AND subject_id = $3 AND created_at > now() - make_interval(secs => $4)`,
      [purpose, audience, subjectId, windowSeconds],
    );
    return Number(rows[0]!.n);
  }

  /** Uses a one-time token: succeeds for exactly one caller, and only before it expires. */
  async consumeToken(
    manager: EntityManager,
    hash: string,
    purpose: 'password_reset' | 'invitation',
  ): Promise<{ subject_type: Audience; subject_id: string } | undefined> {
    const rows: { subject_type: Audience; subject_id: string }[] = rowsOf(
      await manager.query(
        `UPDATE auth_token SET used_at = now()
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
        RETURNING subject_type, subject_id`,
        [hash, purpose],
      ),
    );
    return rows[0];
  }

  async setPassword(
    manager: EntityManager,
    audience: Audience,
    id: string,
    passwordHash: string,
  ): Promise<void> {
    if (audience === 'member') {
      await manager.query(
        `UPDATE member SET password_hash = $2, updated_at = now() WHERE id = $1 AND status = 'active'`,
        [id, passwordHash],
      );
    } else {
      await manager.query(
        `UPDATE staff_user SET password_hash = $2, status = CASE WHEN status = 'invited' THEN 'active' ELSE status END WHERE id = $1`,
        [id, passwordHash],
      );
    }
  }

  async setStaffName(manager: EntityManager, id: string, name: string): Promise<void> {
    await manager.query(`UPDATE staff_user SET name = $2 WHERE id = $1`, [id, name]);
  }

  async posKeyByPrefix(prefix: string): Promise<
    | {
        id: string;
        store_id: string;
        name: string;
        secret_hash: string;
        revoked_at: Date | null;
        last_used_at: Date | null;
      }
    | undefined
  > {
    const rows: {
      id: string;
      store_id: string;
      name: string;
      secret_hash: string;
      revoked_at: Date | null;
      last_used_at: Date | null;
    }[] = await this.dataSource.query(
      `SELECT id, store_id, name, secret_hash, revoked_at, last_used_at FROM pos_api_key WHERE prefix = $1`,
      [prefix],
    );
    return rows[0];
  }

  /** Records use at most once a minute per key, so a busy till does not turn its key into a hot row. */
  async touchPosKey(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE pos_api_key SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }
}
