/**
 * Demo data for the demo profile: cases at every step in the demo realm's associations.
 */
package fr.passerelle.demo;
