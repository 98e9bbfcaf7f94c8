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
