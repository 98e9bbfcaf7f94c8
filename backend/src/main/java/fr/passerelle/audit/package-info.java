/**
 * Who read or changed which case, when: the audit log every module writes to, and its reading for coordinators.
 */
package fr.passerelle.audit;
