/**
 * The provider registry: {@link dev.kiln.providers.Providers} gives the planner one resource
 * type per type name whose diff rule and refresher ask the provider each request names (the
 * planner decides it), and the executor the driver of a provider and type: the simulator,
 * {@code kubeadm} and {@code capi}.
 */
package dev.kiln.providers;
