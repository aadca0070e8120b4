package dev.kiln.lang.config;

import dev.kiln.lang.addr.Reference;
import dev.kiln.lang.config.schema.DecodedInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReferenceExtractionTest
{
    private static final String TARGETS = """
            node "m1" {
              address = "10.0.0.1"
              ssh {
                user = "kiln"
              }
            }
            node "w" {
              count   = 2
              address = "10.0.1.${count.index}"
            }
            node "z" {
              for_each = toset(["a"])
              address  = "10.0.2.1"
            }
            locals {
              via_local = node.m1.address
            }
            """;

    @TempDir
    Path directory;

    /** {@code expected}: each reference as target, "*" when it means all instances, and the remaining traversal. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            node.m1.address                                | node.m1 .address
            node.w[1].address                              | node.w[1] .address
            node.z["a"].address                            | node.z["a"] .address
            join(",", node.w[*].address)                   | node.w* .address
            length(node.w)                                 | node.w*
            node.m1 == null ? "a" : "b"                    | node.m1
            length(node.m1[*])                             | node.m1
            node.m1.ssh.user                               | node.m1 .ssh.user
            local.via_local                                | node.m1 .address
            [for n in node.w : n.address][0]               | node.w*
            "${node.m1.address}-${node.w[0].address}"      | node.m1 .address; node.w[0] .address
            "static"                                       | ''
            """)
    @DisplayName("an attribute keeps the resources its expression refers to, directly or through local values")
    void references(String expression, String expected)
    {
        Config config = ConfigFixtures.loadClean(directory, TARGETS + """
                node "probe" {
                  address = "10.9.9.9"
                  region  = %s
                }
                """.formatted(expression), VariableInputs.none());
        DecodedInstance probe = config.resources().stream()
                .filter(instance -> instance.address().name().equals("probe"))
                .findFirst()
                .orElseThrow();
        List<Reference> references = probe.block().attribute("region").orElseThrow().references();
        String actual = references.stream()
                .map(reference -> (reference.target() + (reference.allInstances() ? "*" : "") + " " + reference.remaining()).strip())
                .collect(Collectors.joining("; "));
        assertEquals(expected, actual);
    }

    @Test
    @DisplayName("the configuration's resource dependencies include count, for_each, local values and depends_on")
    void resourceDependencies()
    {
        Config config = ConfigFixtures.loadClean(directory, TARGETS + """
                locals {
                  indirect = local.via_local
                }
                node "counted" {
                  count   = length(node.z)
                  address = "10.8.0.${count.index}"
                }
                node "probe" {
                  address    = "10.9.9.9"
                  region     = local.indirect
                  depends_on = [node.counted]
                }
                """, VariableInputs.none());
        assertEquals("{node.counted=[node.z], node.m1=[], node.probe=[node.counted, node.m1], node.w=[], node.z=[]}",
                config.dependencies().toString());
    }
}
