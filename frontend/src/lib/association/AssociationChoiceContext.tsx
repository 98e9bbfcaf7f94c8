import { createContext, useContext, useSyncExternalStore } from 'react';
import type { AssociationChoice } from './associationChoice';

export const AssociationChoiceContext = createContext<AssociationChoice | null>(null);

/** The chosen association's slug (null when none), and the function that changes it. */
export function useAssociationChoice(): [string | null, (slug: string | null) => void] {
  const choice = useContext(AssociationChoiceContext);
  if (!choice) throw new Error('useAssociationChoice must be used inside <AssociationChoiceContext>');
  return [useSyncExternalStore(choice.subscribe, choice.get), choice.set];
}
