// Roles: who is an editor or an admin (ADMIN_IDS and EDITOR_IDS, then roles granted in the bot), and
// the rules of granting and revoking them.
import type { Role, StaffRole } from "../domain";
import type { Store } from "../store";

/** The staff fixed by the environment; the bot can add to them but never take them away. */
export interface ConfiguredStaff {
  ADMIN_IDS: readonly number[];
  EDITOR_IDS: readonly number[];
}

/** What a /grant did. `config-*`: the environment already gives that role, nothing changed. */
export type GrantOutcome = "granted" | "already" | "config-admin" | "config-editor";

/**
 * What a /revoke did. `revoked-config`: the grant is gone, but the environment's variable still gives
 * the user `role`; `config`: nothing was granted and the variable gives the role; `none`: no role at all.
 */
export type RevokeOutcome =
  | { kind: "revoked"; role: StaffRole }
  | { kind: "revoked-config"; granted: StaffRole; role: StaffRole; variable: "ADMIN_IDS" | "EDITOR_IDS" }
  | { kind: "config"; role: StaffRole; variable: "ADMIN_IDS" | "EDITOR_IDS" }
  | { kind: "none" };

/** Where a staff member's role comes from, for /roles. */
export interface StaffMember {
  userId: number;
  role: StaffRole;
  /** The variable that gives the role, or "grant" when only a grant in the bot does. */
  source: "ADMIN_IDS" | "EDITOR_IDS" | "grant";
  /** A grant in the bot (also when a variable gives a role too). */
  grant?: { role: StaffRole; by: number | null; at: number };
  username?: string;
}

export class RoleService {
  constructor(
    private readonly store: Store,
    private readonly staff: ConfiguredStaff,
  ) {}

  /** The role of a Telegram user (a reader when unknown). */
  roleOf(userId: number | undefined): Role {
    if (userId === undefined) return "reader";
    if (this.staff.ADMIN_IDS.includes(userId)) return "admin";
    const granted = this.store.roles.find(userId);
    if (granted === "admin") return "admin";
    if (granted === "editor" || this.staff.EDITOR_IDS.includes(userId)) return "editor";
    return "reader";
  }

  /** Everyone who may have a staff menu: the configured staff and every granted role. */
  staffIds(): number[] {
    return [
      ...new Set([
        ...this.staff.ADMIN_IDS,
        ...this.staff.EDITOR_IDS,
        ...this.store.roles.all().map((r) => r.userId),
      ]),
    ];
  }

  /** Remembers the @username a user was seen with (for /grant @username). */
  noteUser(userId: number, username: string | undefined): void {
    if (username) this.store.roles.noteUsername(userId, username);
  }

  /** The user last seen with "@name" or "name"; undefined when the bot has not seen it. */
  userByName(name: string): number | undefined {
    const username = name.trim().replace(/^@/, "");
    return /^[A-Za-z0-9_]{4,32}$/.test(username) ? this.store.roles.userByName(username) : undefined;
  }

  usernameOf(userId: number): string | undefined {
    return this.store.roles.usernameOf(userId);
  }

  /** True when the user has written to the bot (a private chat) or was seen in a group with a username. */
  hasSeen(userId: number): boolean {
    return this.store.chats.find(userId) !== undefined || this.store.roles.usernameOf(userId) !== undefined;
  }

  /** Everyone with a staff role, admins first, and where each role comes from. */
  members(): StaffMember[] {
    const grants = new Map(this.store.roles.grants().map((g) => [g.userId, g]));
    const members: StaffMember[] = [];
    for (const userId of this.staffIds()) {
      const role = this.roleOf(userId);
      if (role === "reader") continue;
      const granted = grants.get(userId);
      const source = this.staff.ADMIN_IDS.includes(userId)
        ? "ADMIN_IDS"
        : granted?.role === role || !this.staff.EDITOR_IDS.includes(userId)
          ? "grant"
          : "EDITOR_IDS";
      const username = this.store.roles.usernameOf(userId);
      members.push({
        userId,
        role,
        source,
        ...(granted ? { grant: { role: granted.role, by: granted.grantedBy, at: granted.grantedAt } } : {}),
        ...(username ? { username } : {}),
      });
    }
    return members.sort((a, b) => (a.role === b.role ? a.userId - b.userId : a.role === "admin" ? -1 : 1));
  }

  /** Gives a user a role; `by` is the granting admin. */
  grant(userId: number, role: StaffRole, by: number | null): GrantOutcome {
    if (this.staff.ADMIN_IDS.includes(userId)) return "config-admin";
    const granted = this.store.roles.find(userId);
    const fixedEditor = this.staff.EDITOR_IDS.includes(userId);
    if (role === "editor" && fixedEditor && granted !== "admin") return "config-editor";
    if (granted === role) return "already";
    // An editor by EDITOR_IDS who was granted admin goes back to editor by dropping the grant.
    if (role === "editor" && fixedEditor) this.store.roles.revoke(userId);
    else this.store.roles.grant(userId, role, by);
    return "granted";
  }

  /**
   * Takes a granted role back. A grant is removed even when the environment gives the same user a role
   * (an id added to ADMIN_IDS after it was granted): once the variable drops the id, nothing is left.
   */
  revoke(userId: number): RevokeOutcome {
    const granted = this.store.roles.find(userId);
    if (granted) this.store.roles.revoke(userId);
    const fixed = this.staff.ADMIN_IDS.includes(userId)
      ? ({ role: "admin", variable: "ADMIN_IDS" } as const)
      : this.staff.EDITOR_IDS.includes(userId)
        ? ({ role: "editor", variable: "EDITOR_IDS" } as const)
        : undefined;
    if (granted && fixed) return { kind: "revoked-config", granted, ...fixed };
    if (granted) return { kind: "revoked", role: granted };
    if (fixed) return { kind: "config", ...fixed };
    return { kind: "none" };
  }
}
