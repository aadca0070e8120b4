/**
 * Where a state is stored: the {@link dev.kiln.state.backend.Backend} interface, the
 * {@link dev.kiln.state.backend.WriteRules} every backend applies (lineage, serial), and the
 * local-file backend. Every backend passes the shared {@code BackendContractTest}.
 */
package dev.kiln.state.backend;
