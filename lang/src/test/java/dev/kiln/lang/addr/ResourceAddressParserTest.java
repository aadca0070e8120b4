package dev.kiln.lang.addr;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResourceAddressParserTest
{
    @ParameterizedTest
    @ValueSource(strings = {"node.m1", "node.w[0]", "node.w[12]", "cluster.prod", "node.zone[\"a\"]", "node.zone[\"a b\"]",
            "node.zone[\"quote\\\"d\"]", "backup_point.minio-1",
            "cluster.prod.pool[\"a\"]", "cluster.prod[0].pool[\"a\"]", "cluster.prod[\"x\"].pool[\"b c\"]"})
    @DisplayName("every canonical address reads back as itself")
    void roundTrips(String text)
    {
        Diagnostics diagnostics = new Diagnostics();
        Optional<ResourceAddress> address = ResourceAddressParser.parse(text, "-target", diagnostics);
        assertTrue(diagnostics.isEmpty());
        assertEquals(text, address.orElseThrow().toString());
    }

    @Test
    @DisplayName("a pool's address reads as a worker_pool instance inside its cluster")
    void readsChildren()
    {
        ResourceAddress pool = ResourceAddressParser.parse("cluster.prod[1].pool[\"a\"]", "-target", new Diagnostics()).orElseThrow();
        assertEquals("worker_pool", pool.type());
        assertEquals(new ResourceAddress("cluster", "prod", new InstanceKey.Index(1)), pool.parent().orElseThrow());
        assertEquals(new ResourceAddress("cluster", "prod", new InstanceKey.Index(1)).child("pool", new InstanceKey.Key("a")), pool);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "node", "node.", ".m1", "node.m1.address", "node.w[", "node.w[-1]", "node.w[x]", "node.w[\"a]",
            "node.w[0]x", "1node.a", "node.w[1234567890]",
            "cluster.prod.pool", "cluster.prod.pools[\"a\"]", "node.m1.pool[\"a\"]", "cluster.prod.pool[\"a\"].pool[\"b\"]", "cluster.prod.pool[\"a\"]x"})
    @DisplayName("anything else is one error naming the option it came from")
    void rejects(String text)
    {
        Diagnostics diagnostics = new Diagnostics();
        assertTrue(ResourceAddressParser.parse(text, "-replace", diagnostics).isEmpty());
        List<Diagnostic> reported = diagnostics.toList();
        assertEquals(1, reported.size());
        assertEquals("Invalid resource address", reported.getFirst().summary());
        assertEquals("-replace", reported.getFirst().subject().orElseThrow().filename());
    }
}
