/**
 * Appeals handed to lawyers: who may read a case while an appeal is offered to them or accepted by them.
 */
package fr.passerelle.appeals;
