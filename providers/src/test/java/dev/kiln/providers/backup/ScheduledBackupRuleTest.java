package dev.kiln.providers.backup;

import dev.kiln.lang.addr.ResourceAddressParser;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.spi.DiffRequest;
import dev.kiln.planner.spi.DiffResponse;
import dev.kiln.providers.ResourceSchemas;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which backup points a cluster's scheduled backups can reach, per provider. */
class ScheduledBackupRuleTest
{
    @ParameterizedTest(name = "{0}, point on a node {1}: allowed {2}")
    @CsvSource({
            "kubeadm, true,  false",
            "kubeadm, false, true",
            "sim,     true,  true"})
    @DisplayName("A kubeadm cluster's scheduled backups cannot write to a directory on another node; the simulator's can")
    void pointOnANode(String provider, boolean onNode, boolean allowed)
    {
        Value fs = onNode
                ? Value.object(Map.of("path", Value.string("/srv/backups"), "node", Value.object(Map.of("address", Value.string("10.0.0.50")))))
                : Value.object(Map.of("path", Value.string("/srv/backups"), "node", Value.nullOf(Type.DYNAMIC)));
        Value desired = Value.object(Map.of(
                "schedule", Value.string("0 2 * * *"),
                "keep", Value.number(3),
                "enabled", Value.bool(true),
                "point", Value.object(Map.of("fs", fs))));
        DiffRequest request = new DiffRequest(ResourceAddressParser.parse("cluster.prod.backup", "test", new Diagnostics()).orElseThrow(), provider,
                ResourceSchemas.of(ResourceSchemas.CLUSTER_BACKUP), Optional.empty(), Optional.of(desired));
        DiffResponse response = ScheduledBackupRule.forProvider(provider).diff(request);
        assertEquals(allowed, !(response instanceof DiffResponse.Forbidden), response.toString());
    }
}
