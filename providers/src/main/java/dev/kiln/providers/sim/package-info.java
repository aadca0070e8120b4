/**
 * The {@code sim} provider: a simulated datacenter persisted under {@code .kiln/sim}
 * ({@link dev.kiln.providers.sim.Datacenter}) with machines, clusters and their members,
 * registries, backup points and etcd snapshots; diff rules that follow the real drivers'
 * rules (control plane first, one minor version per upgrade, no downgrades, odd control
 * planes); re-entrant drivers whose operations take simulated time divided by
 * {@code speed}; failure injection by rate, address or part ({@code fail}, {@code hang}).
 * Worker pools are resource instances of their own, {@code cluster.prod.pool["a"]}, with their
 * own diff rule, driver and observation, converged after their cluster's control plane.
 */
package dev.kiln.providers.sim;
