package dev.kiln.lang.addr;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResourceAddressTest
{
    private static final ResourceAddress PROD = ResourceAddress.of("cluster", "prod");

    @Test
    @DisplayName("a child address prints through its parent and keeps its own resource type")
    void childForm()
    {
        ResourceAddress pool = PROD.child("pool", new InstanceKey.Key("a"));
        assertEquals("cluster.prod.pool[\"a\"]", pool.toString());
        assertEquals("worker_pool", pool.type());
        assertEquals("pool", pool.name());
        assertTrue(pool.isChild());
        assertFalse(PROD.isChild());
        assertEquals(PROD, pool.root());
        assertEquals("cluster.prod.pool", pool.withoutKey().toString());
        assertEquals("a", pool.blockLabel());
        assertEquals("prod", PROD.blockLabel());
        assertEquals("cluster.prod[2].pool[\"a\"]",
                new ResourceAddress("cluster", "prod", new InstanceKey.Index(2)).child(ChildKind.WORKER_POOL, new InstanceKey.Key("a")).toString());
    }

    @Test
    @DisplayName("children exist only for the kinds declared, with a key when the kind has keys")
    void childRules()
    {
        assertThrows(IllegalArgumentException.class, () -> PROD.child("pools", new InstanceKey.Key("a")));
        assertThrows(IllegalArgumentException.class, () -> ResourceAddress.of("node", "m1").child("pool", new InstanceKey.Key("a")));
        assertThrows(IllegalArgumentException.class, () -> PROD.child("pool", InstanceKey.NONE));
    }

    @Test
    @DisplayName("addresses sort by type, name and key, each child right after its parent")
    void ordering()
    {
        ResourceAddress prodZero = new ResourceAddress("cluster", "prod", new InstanceKey.Index(0));
        ResourceAddress prodOne = new ResourceAddress("cluster", "prod", new InstanceKey.Index(1));
        List<ResourceAddress> expected = List.of(
                ResourceAddress.of("cluster", "a"),
                ResourceAddress.of("cluster", "a").child("pool", new InstanceKey.Key("x")),
                prodZero,
                prodZero.child("pool", new InstanceKey.Key("a")),
                prodZero.child("pool", new InstanceKey.Key("b")),
                prodOne,
                prodOne.child("pool", new InstanceKey.Key("a")),
                ResourceAddress.of("node", "m1"));
        List<ResourceAddress> sorted = Stream.of(expected.reversed().toArray(ResourceAddress[]::new)).sorted().toList();
        assertEquals(expected, sorted);
    }
}
