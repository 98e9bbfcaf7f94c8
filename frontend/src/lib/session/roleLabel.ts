import type { TFunction } from 'i18next';

/** The translated name of a role; a role this version does not know shows as the backend names it. */
export function roleLabel(t: TFunction, role: string): string {
  return t(`roles.${role}`, { defaultValue: role });
}
