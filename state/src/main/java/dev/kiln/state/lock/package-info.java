/**
 * State locks: who holds one ({@link dev.kiln.state.lock.LockInfo}), waiting for one
 * ({@link dev.kiln.state.lock.LockRetry}, the {@code -lock-timeout} semantics) and the local
 * operating-system file lock, which a killed process can never leave behind.
 */
package dev.kiln.state.lock;
