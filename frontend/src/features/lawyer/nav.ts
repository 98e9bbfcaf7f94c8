import type { Me } from '@/lib/session/Me';

/** Whether the user works as a lawyer for at least one association: her inbox spans them all. */
export function isLawyer(me: Me | undefined): boolean {
  return !!me?.associations.some((membership) => membership.roles.includes('lawyer'));
}
