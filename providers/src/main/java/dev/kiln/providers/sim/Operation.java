package dev.kiln.providers.sim;

import java.time.Duration;

/** What the simulated datacenter does, and how long each takes in real time (before {@code speed} divides it). */
enum Operation
{
    PROVISION_MACHINE(Duration.ofSeconds(20)),
    UPDATE_MACHINE(Duration.ofSeconds(5)),
    DELETE_MACHINE(Duration.ofSeconds(10)),
    INITIALIZE_CONTROL_PLANE(Duration.ofSeconds(90)),
    JOIN_CONTROL_PLANE(Duration.ofSeconds(60)),
    JOIN_WORKERS(Duration.ofSeconds(30)),
    REMOVE_MEMBER(Duration.ofSeconds(20)),
    UPGRADE_NODE(Duration.ofSeconds(60)),
    UPDATE_CLUSTER(Duration.ofSeconds(10)),
    SNAPSHOT_ETCD(Duration.ofSeconds(15)),
    DELETE_CLUSTER(Duration.ofSeconds(30)),
    CREATE_REGISTRY(Duration.ofSeconds(15)),
    DELETE_REGISTRY(Duration.ofSeconds(5)),
    CREATE_BACKUP_POINT(Duration.ofSeconds(2)),
    DELETE_BACKUP_POINT(Duration.ofSeconds(1));

    private final Duration realistic;

    Operation(Duration realistic)
    {
        this.realistic = realistic;
    }

    Duration realistic()
    {
        return realistic;
    }
}
