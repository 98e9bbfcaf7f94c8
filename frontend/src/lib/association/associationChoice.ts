/**
 * The association a member of several works for, remembered in the browser per user, so a
 * shared computer does not hand one user's choice to the next.
 */
export interface AssociationChoice {
  get(): string | null;
  set(slug: string | null): void;
  subscribe(listener: () => void): () => void;
}

export function storedAssociationChoice(userId: string): AssociationChoice {
  const key = `passerelle.association.${userId}`;
  const listeners = new Set<() => void>();
  return {
    get: () => localStorage.getItem(key),
    set(slug) {
      if (slug) localStorage.setItem(key, slug);
      else localStorage.removeItem(key);
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
