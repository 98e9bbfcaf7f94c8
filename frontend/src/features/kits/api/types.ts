/** One piece of a list as the department's kit makes it (GET /api/prefecture-kits/{department}/lists/{list}). */
export interface KitLine {
  piece: string;
  labelFr: string;
  labelEn: string;
  required: boolean;
  /** The catalogue's piece; false for a piece the kit adds. */
  fromCatalogue: boolean;
  removed: boolean;
  noteFr: string | null;
  noteEn: string | null;
}

export interface KitList {
  department: string;
  list: string;
  lists: string[];
  pieces: KitLine[];
  publishedAt: string | null;
}

export interface KitPiece {
  list: string;
  piece: string;
  labelFr: string | null;
  labelEn: string | null;
  required: boolean;
  removed: boolean;
  noteFr: string | null;
  noteEn: string | null;
}

export interface SharedKit {
  association: string;
  associationName: string;
  department: string;
  publishedAt: string;
  pieces: KitPiece[];
}

export interface Kits {
  own: { department: string; adjustedPieces: number; publishedAt: string | null }[];
  shared: SharedKit[];
}

export type KitChangeKind =
  | 'ADDED'
  | 'REMOVED'
  | 'RESTORED'
  | 'NOTED'
  | 'NOTE_CLEARED'
  | 'REQUIRED'
  | 'OPTIONAL'
  | 'PUBLISHED'
  | 'UNPUBLISHED'
  | 'COPIED';

export interface KitChange {
  id: number;
  list: string | null;
  piece: string | null;
  change: KitChangeKind;
  detail: string | null;
  byName: string;
  at: string;
}

export interface NewKitPiece {
  labelFr: string;
  labelEn: string;
  required: boolean;
  noteFr: string | null;
  noteEn: string | null;
}

export interface KitPieceChange {
  removed: boolean;
  required?: boolean;
  noteFr: string | null;
  noteEn: string | null;
}
