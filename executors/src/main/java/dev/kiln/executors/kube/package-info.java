/**
 * Kubernetes API access for drivers: a {@link dev.kiln.executors.kube.KubeClient} built lazily
 * from a {@link dev.kiln.executors.kube.KubeConnection} (kubeconfig file or inline text, context,
 * namespace), objects named by {@link dev.kiln.executors.kube.ObjectRef}, an
 * {@link dev.kiln.executors.kube.ApplyStrategy} (server-side apply, or create and merge patch
 * where the server has no server-side apply), retries on conflicts and server errors, errors
 * that name the object ({@link dev.kiln.executors.kube.KubeApiException}), discovery of served
 * API versions, and {@link dev.kiln.executors.kube.KubeWait}, a wait that watches and polls
 * so a dropped watch costs nothing but a poll interval.
 */
package dev.kiln.executors.kube;
