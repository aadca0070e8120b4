package dev.kiln.lang.config;

import dev.kiln.lang.config.schema.DecodedInstance;
import dev.kiln.lang.value.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResourceExpansionTest
{
    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            count = 0                        | count.index | ''
            count = 3                        | count.index | node.n[0] node.n[1] node.n[2]
            count = 2.0                      | count.index | node.n[0] node.n[1]
            for_each = toset(["b", "a"])     | each.key    | node.n["a"] node.n["b"]
            for_each = { z = 1, "x-y" = 2 }  | each.value  | node.n["x-y"] node.n["z"]
            for_each = tomap({ k = "v" })    | each.value  | node.n["k"]
            for_each = {}                    | each.key    | ''
            region = "no meta-argument"      | 1           | node.n
            """)
    @DisplayName("count and for_each expand a resource into instances keyed by index or key, ordered by address")
    void expands(String metaArgument, String addressSuffix, String addresses)
    {
        Config config = ConfigFixtures.loadClean(directory, """
                node "n" {
                  %s
                  address = "10.0.0.${%s}"
                }
                """.formatted(metaArgument, addressSuffix), VariableInputs.none());
        List<String> expected = addresses.isBlank() ? List.of() : List.of(addresses.split(" "));
        assertEquals(expected, config.resources().stream().map(instance -> instance.address().toString()).toList());
    }

    @Test
    @DisplayName("each instance sees its own count.index, each.key and each.value")
    void iterationValues()
    {
        Config config = ConfigFixtures.loadClean(directory, """
                node "w" {
                  count   = 2
                  address = "10.0.0.${count.index + 1}"
                }
                node "z" {
                  for_each = { east = "10.0.1.1", west = "10.0.1.2" }
                  address  = each.value
                  region   = each.key
                }
                """, VariableInputs.none());
        assertEquals(List.of("10.0.0.1", "10.0.0.2", "10.0.1.1", "10.0.1.2"),
                config.resources().stream().map(instance -> string(instance, "address")).toList());
        assertEquals("west", string(config.resources().getLast(), "region"));
    }

    @Test
    @DisplayName("a resource uses another's known attributes, whatever the declaration order; computed ones are unknown")
    void crossResourceValues()
    {
        Config config = ConfigFixtures.loadClean(directory, """
                node "b" {
                  address = "${node.a.address}0"
                  region  = node.a.hostname
                }
                node "a" {
                  address = "10.0.0.1"
                }
                """, VariableInputs.none());
        DecodedInstance b = config.resources().get(1);
        assertEquals("10.0.0.10", string(b, "address"));
        assertTrue(!b.block().attribute("region").orElseThrow().value().isKnown());
    }

    @Test
    @DisplayName("provider and depends_on meta-arguments land in the instance, not in its attributes")
    void metaArguments()
    {
        Config config = ConfigFixtures.loadClean(directory, """
                provider "sim" {
                  alias = "lab"
                }
                node "a" {
                  address = "10.0.0.1"
                }
                node "b" {
                  count      = 1
                  address    = "10.0.0.2"
                  provider   = sim.lab
                  depends_on = [node.a]
                }
                """, VariableInputs.none());
        DecodedInstance b = config.resources().getLast();
        assertEquals("node.b[0]", b.address().toString());
        assertEquals("sim.lab", b.provider().orElseThrow());
        assertEquals(List.of("node.a"), b.dependsOn().stream().map(Object::toString).toList());
        assertTrue(b.block().attribute("provider").isEmpty() && b.block().attribute("depends_on").isEmpty());
    }

    private static String string(DecodedInstance instance, String attribute)
    {
        return ((Value.StringValue) instance.block().attribute(attribute).orElseThrow().value()).value();
    }
}
