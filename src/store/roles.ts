// Roles granted inside the bot. ADMIN_IDS and EDITOR_IDS from the environment are applied by the caller.
import type Database from "better-sqlite3";
import type { Clock } from "../clock";
import type { StaffRole } from "../domain";
import type { Db } from "./db";

export class RoleStore {
  private readonly get: Database.Statement<[number], { role: StaffRole }>;
  private readonly upsert: Database.Statement<[number, StaffRole, number | null, number]>;
  private readonly remove: Database.Statement<[number]>;
  private readonly list: Database.Statement<
    [],
    { user_id: number; role: StaffRole; granted_by: number | null; granted_at: number }
  >;
  private readonly dropName: Database.Statement<[string, number]>;
  private readonly noteName: Database.Statement<[number, string, number]>;
  private readonly byName: Database.Statement<[string], { user_id: number }>;
  private readonly nameOf: Database.Statement<[number], { username: string }>;

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
    this.list = db.prepare("SELECT user_id, role, granted_by, granted_at FROM roles ORDER BY user_id");
    this.dropName = db.prepare("DELETE FROM usernames WHERE username = ? AND user_id <> ?");
    // Writes only when the name changed: this runs on every update from a user with a username.
    this.noteName = db.prepare(`
      INSERT INTO usernames (user_id, username, seen_at) VALUES (?, ?, ?)
      ON CONFLICT (user_id) DO UPDATE SET username = excluded.username, seen_at = excluded.seen_at
      WHERE usernames.username IS NOT excluded.username`);
    this.byName = db.prepare("SELECT user_id FROM usernames WHERE username = ?");
    this.nameOf = db.prepare("SELECT username FROM usernames WHERE user_id = ?");
  }

  /** Remembers a user's @username (without the @); a name another user had before moves to this one. */
  noteUsername(userId: number, username: string): void {
    if (this.nameOf.get(userId)?.username === username) return;
    this.dropName.run(username, userId);
    this.noteName.run(userId, username, this.clock());
  }

  /** The user last seen with this @username (any case), if any. */
  userByName(username: string): number | undefined {
    return this.byName.get(username)?.user_id;
  }

  usernameOf(userId: number): string | undefined {
    return this.nameOf.get(userId)?.username;
  }

  /** Every granted role with who granted it and when. */
  grants(): { userId: number; role: StaffRole; grantedBy: number | null; grantedAt: number }[] {
    return this.list
      .all()
      .map((r) => ({ userId: r.user_id, role: r.role, grantedBy: r.granted_by, grantedAt: r.granted_at }));
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
