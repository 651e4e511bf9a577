/**
 * The shared views over hives that several consumers read (the rules, the reports, the coming artifact
 * decoders): the SYSTEM view ({@link org.patchlens.model.SystemView}), typed registry values
 * ({@link org.patchlens.model.RegValue}) with their provenance ({@link org.patchlens.model.Source}), and the
 * safe one-line text rendering they share ({@link org.patchlens.model.PrintableText}). Judges nothing; sits
 * above the readers and below everything that judges or writes (docs/layers.md).
 */
package org.patchlens.model;
