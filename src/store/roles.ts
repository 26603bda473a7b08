// Roles granted inside the bot. ADMIN_IDS and EDITOR_IDS from the environment are applied by the caller.
import type Database from "better-sqlite3";
import type { Clock } from "../clock";
import type { StaffRole } from "../domain";
import type { Db } from "./db";

export class RoleStore {
  private readonly get: Database.Statement<[number], { role: StaffRole }>;
  private readonly upsert: Database.Statement<[number, StaffRole, number | null, number]>;
  private readonly remove: Database.Statement<[number]>;
  private readonly list: Database.Statement<[], { user_id: number; role: StaffRole }>;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.get = db.prepare("SELECT role FROM roles WHERE user_id = ?");
    this.upsert = db.prepare(`
      INSERT INTO roles (user_id, role, granted_by, granted_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (user_id) DO UPDATE SET role = excluded.role, granted_by = excluded.granted_by,
                                          granted_at = excluded.granted_at`);
    this.remove = db.prepare("DELETE FROM roles WHERE user_id = ?");
    this.list = db.prepare("SELECT user_id, role FROM roles ORDER BY user_id");
  }

  /** The role granted in the bot, if any. */
  find(userId: number): StaffRole | undefined {
    return this.get.get(userId)?.role;
  }

  grant(userId: number, role: StaffRole, grantedBy: number | null): void {
    this.upsert.run(userId, role, grantedBy, this.clock());
  }

  /** False when the user had no granted role. */
  revoke(userId: number): boolean {
    return this.remove.run(userId).changes > 0;
  }

  all(): { userId: number; role: StaffRole }[] {
    return this.list.all().map((r) => ({ userId: r.user_id, role: r.role }));
  }
}
