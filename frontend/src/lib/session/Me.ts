/** GET /api/me: who the caller is and the associations they belong to. */
export interface Me {
  userId: string;
  username: string;
  name: string;
  email: string | null;
  platformAdmin: boolean;
  associations: Membership[];
  /** The association this request acted for; null for a member of several who chose none, or of none. */
  currentAssociation: string | null;
}

export interface Membership {
  slug: string;
  name: string;
  /** caseworker, coordinator, lawyer */
  roles: string[];
}

/** The roles the user holds in the association the requests act for. */
export function currentRoles(me: Me | undefined): string[] {
  if (!me?.currentAssociation) return [];
  return me.associations.find((membership) => membership.slug === me.currentAssociation)?.roles ?? [];
}
