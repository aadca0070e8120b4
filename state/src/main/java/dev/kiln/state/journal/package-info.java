/**
 * The write-ahead journal: an intent before each action touches the world and a result after
 * it, each forced to disk ({@link dev.kiln.state.journal.Journal}); folding the journal into a
 * state, with every unfinished action flagged for reconciliation
 * ({@link dev.kiln.state.journal.JournalFold}).
 */
package dev.kiln.state.journal;
