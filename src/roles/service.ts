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
