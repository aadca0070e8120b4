package dev.kiln.providers.sim;

import static java.util.Objects.requireNonNull;

/**
 * A machine's membership in a simulated cluster: in {@code group} ({@value #CONTROL_PLANE}, or a
 * worker pool's name), running Kubernetes {@code version}. A member on a node resource names
 * the machine's {@code machineId}; a member the cluster made itself ({@code replicas}) has
 * an empty one.
 */
public record Member(String cluster, String name, String group, String hostAddress, String machineId, String version, Status status)
{
    public static final String CONTROL_PLANE = "control-plane";

    public Member
    {
        requireNonNull(cluster, "cluster is null");
        requireNonNull(name, "name is null");
        requireNonNull(group, "group is null");
        requireNonNull(hostAddress, "hostAddress is null");
        requireNonNull(machineId, "machineId is null");
        requireNonNull(version, "version is null");
        requireNonNull(status, "status is null");
    }

    public boolean isControlPlane()
    {
        return group.equals(CONTROL_PLANE);
    }

    public Member withVersion(String newVersion)
    {
        return new Member(cluster, name, group, hostAddress, machineId, newVersion, status);
    }

    public Member withStatus(Status newStatus)
    {
        return new Member(cluster, name, group, hostAddress, machineId, version, newStatus);
    }
}
