import { Construct } from 'constructs';
import { GrafanaConnection } from './grafana-connection';
import { FOLDER_PERMISSIONS, FOLDER_ROLES, FOLDER_UID } from './private/provider-rules';
import { registerGrafanaUid } from './private/refs';
import { uidFromText } from './private/uid';
import { Folder } from '../bindings/grafana/folder';
import { FolderPermission } from '../bindings/grafana/folder-permission';
import { adoptExisting } from '../core/private/adopt';
import { libraryScope } from '../core/private/template-escape';
import { fail, optionalBoolean, requireInteger, requirePattern, requireString } from '../core/private/validate';

/** What a folder permission grants. */
export enum FolderAccess {
  /** See the folder and its dashboards. */
  VIEW = 'View',
  /** Edit the dashboards and alert rules in the folder. */
  EDIT = 'Edit',
  /** Edit, and manage the folder's permissions. */
  ADMIN = 'Admin',
}

/** A basic Grafana organization role. */
export enum GrafanaRole {
  /** Viewers of the organization. */
  VIEWER = 'Viewer',
  /** Editors of the organization. */
  EDITOR = 'Editor',
}

/** One entry of a folder's permissions. */
export class FolderGrant {
  /** Grant everyone with a basic role. */
  public static forRole(role: GrafanaRole, access: FolderAccess): FolderGrant {
    return new FolderGrant(access, role);
  }

  /** Grant a team (by its numeric id). */
  public static forTeam(teamId: number, access: FolderAccess): FolderGrant {
    return new FolderGrant(access, undefined, teamId);
  }

  /** Grant a user (by their numeric id). */
  public static forUser(userId: number, access: FolderAccess): FolderGrant {
    return new FolderGrant(access, undefined, undefined, userId);
  }

  /** The access granted. */
  public readonly access: FolderAccess;
  /**
   * The role, for role grants.
   * @default - not a role grant
   */
  public readonly role?: GrafanaRole;
  /**
   * The team id, for team grants.
   * @default - not a team grant
   */
  public readonly teamId?: number;
  /**
   * The user id, for user grants.
   * @default - not a user grant
   */
  public readonly userId?: number;

  private constructor(access: FolderAccess, role?: GrafanaRole, teamId?: number, userId?: number) {
    this.access = access;
    this.role = role;
    this.teamId = teamId;
    this.userId = userId;
  }
}

/** Props of a `GrafanaFolder`. */
export interface GrafanaFolderProps {
  /** Folder title. */
  readonly title: string;
  /**
   * Stable uid (up to 40 letters, digits, `-` or `_`).
   * @default - derived from the title
   */
  readonly uid?: string;
  /**
   * Parent folder (nested folders, Grafana 11+).
   * @default - a top-level folder
   */
  readonly parent?: GrafanaFolder;
  /**
   * The folder's complete permissions. When given they replace every permission of the folder
   * (Grafana's folder permissions resource is authoritative).
   * @default - permissions are not managed (Grafana's defaults apply)
   */
  readonly permissions?: FolderGrant[];
  /**
   * Refuse to destroy the folder while it still holds dashboards or alert rules.
   * @default true
   */
  readonly preventDestroyIfNotEmpty?: boolean;
  /**
   * Adopt the existing folder with this `uid` instead of creating a new one: a Terraform
   * `import` block (Terraform 1.5+) for the folder's uid (the import id of `grafana_folder` is
   * `<uid>` for the provider's organization, or `<orgID>:<uid>`:
   * grafana/terraform-provider-grafana docs/resources/folder.md, "Import"; the library writes
   * `<uid>`, the connection's organization). Terraform then updates the folder in place
   * (its title and parent). Requires `uid`: a uid derived from the title would rarely be the
   * existing folder's.
   * @default false
   */
  readonly adopt?: boolean;
  /**
   * The Grafana connection.
   * @default - GrafanaConnection.of(this)
   */
  readonly connection?: GrafanaConnection;
}

// Folder uids, permission values and roles: the provider's rules, in private/provider-rules.ts.
const UID = FOLDER_UID;

/**
 * A Grafana folder, optionally with managed permissions. Dashboards and alert rules of this
 * library can be placed in it.
 */
export class GrafanaFolder extends Construct {
  /** The `grafana_folder` resource (escape hatch). */
  public readonly resource: Folder;
  /**
   * The `grafana_folder_permission` resource.
   * @default - permissions are not managed
   */
  public readonly permission?: FolderPermission;
  /** The folder uid. */
  public readonly uid: string;
  /** The folder title. */
  public readonly title: string;
  /** The Grafana connection. */
  public readonly connection: GrafanaConnection;

  constructor(scope: Construct, id: string, props: GrafanaFolderProps) {
    super(scope, id);
    libraryScope(this);
    this.connection = props.connection ?? GrafanaConnection.of(this);
    this.title = requireString(this, 'title', props.title, 'a non-empty folder title');
    this.uid = props.uid === undefined ? uidFromText(this.title) : requirePattern(this, 'uid', props.uid, UID, 'a uid of 1-40 letters, digits, - or _');
    if (props.parent !== undefined && !(props.parent instanceof GrafanaFolder)) fail(this, 'parent', props.parent, 'a GrafanaFolder');
    this.resource = new Folder(this, 'Resource', {
      provider: this.connection.provider,
      title: this.title,
      uid: this.uid,
      parentFolderUid: props.parent?.resource.uid,
      preventDestroyIfNotEmpty: optionalBoolean(this, 'preventDestroyIfNotEmpty', props.preventDestroyIfNotEmpty, true),
    });
    if (props.parent) this.resource.node.addDependency(props.parent.resource);
    if (optionalBoolean(this, 'adopt', props.adopt, false)) {
      if (props.uid === undefined) fail(this, 'uid', props.uid, 'the uid of the existing folder (1-40 letters, digits, - or _) when adopt is true');
      adoptExisting(this, 'uid', this.resource, this.uid);
    }
    // Rules and dashboards of this stack that name this uid refer to the resource instead.
    registerGrafanaUid(this, 'folder', this.connection, this.uid, this.resource.uid);
    if (props.permissions !== undefined) {
      const seen = new Set<string>();
      const permissions = props.permissions.map((g, i) => {
        if (!(g instanceof FolderGrant)) fail(this, `permissions[${i}]`, g, 'FolderGrant.forRole(), FolderGrant.forTeam() or FolderGrant.forUser()');
        if (!(FOLDER_PERMISSIONS as readonly string[]).includes(g.access)) fail(this, `permissions[${i}].access`, g.access, 'FolderAccess.VIEW, EDIT or ADMIN');
        let key: string;
        let grantee: { role?: string; teamId?: string; userId?: string };
        if (g.role !== undefined) {
          if (!Object.values(GrafanaRole).includes(g.role) || !(FOLDER_ROLES as readonly string[]).includes(g.role)) fail(this, `permissions[${i}].role`, g.role, 'GrafanaRole.VIEWER or GrafanaRole.EDITOR');
          key = `role:${g.role}`;
          grantee = { role: g.role };
        } else if (g.teamId !== undefined) {
          key = `team:${requireInteger(this, `permissions[${i}].teamId`, g.teamId, 1, Number.MAX_SAFE_INTEGER)}`;
          grantee = { teamId: String(g.teamId) };
        } else {
          key = `user:${requireInteger(this, `permissions[${i}].userId`, g.userId, 1, Number.MAX_SAFE_INTEGER)}`;
          grantee = { userId: String(g.userId) };
        }
        if (seen.has(key)) fail(this, `permissions[${i}]`, key, 'at most one grant per role, team or user');
        seen.add(key);
        return { ...grantee, permission: g.access };
      });
      this.permission = new FolderPermission(this, 'Permissions', {
        provider: this.connection.provider,
        folderUid: this.resource.uid,
        permissions,
      });
    }
  }
}
