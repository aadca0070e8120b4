/**
 * Kiln's recorded state: the immutable model ({@link dev.kiln.state.State},
 * {@link dev.kiln.state.ResourceInstance}, {@link dev.kiln.state.OutputValue}) and its canonical
 * JSON format ({@link dev.kiln.state.StateCodec}), with forward migrations of older formats.
 * Backends live in {@code state.backend}, locks in {@code state.lock}, the write-ahead journal
 * in {@code state.journal}.
 */
package dev.kiln.state;
