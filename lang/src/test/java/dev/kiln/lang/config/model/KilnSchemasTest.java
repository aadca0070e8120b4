package dev.kiln.lang.config.model;

import dev.kiln.lang.config.schema.AttributeSchema;
import dev.kiln.lang.config.schema.BlockSchema;
import dev.kiln.lang.config.schema.NestedBlockSchema;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KilnSchemasTest
{
    private static final Set<String> SECRET_NAMES = Set.of("password", "secret_key", "access_key", "private_key", "passphrase", "kubeconfig",
            "sudo_password", "key", "clouds_yaml", "variables", "encryption_provider_config");
    private static final Set<String> NOT_SECRET = Set.of("kiln.state.key");

    @Test
    @DisplayName("the top-level block types are Kiln's own; variable, locals and output are the loader's")
    void topLevelTypes()
    {
        assertEquals(Set.of("kiln", "provider", "node", "registry", "backup_point", "cluster"), KilnSchemas.topLevelBlockTypes());
        assertTrue(KilnSchemas.topLevel("variable", List.of("x")).isEmpty());
        assertTrue(KilnSchemas.isResourceType("backup_point"));
        assertFalse(KilnSchemas.isResourceType("kiln"));
        assertFalse(KilnSchemas.isResourceType("provider"));
    }

    @ParameterizedTest(name = "provider \"{0}\"")
    @CsvSource({"kubeadm, connect_timeout", "capi, kubeconfig", "sim, failure_rate"})
    @DisplayName("a provider block's label selects its schema")
    void providerLabelSelectsSchema(String type, String attribute)
    {
        BlockSchema schema = KilnSchemas.topLevel("provider", List.of(type)).orElseThrow();
        assertTrue(schema.attributes().containsKey(attribute));
        assertTrue(schema.attributes().containsKey("alias"));
    }

    @Test
    @DisplayName("a provider label that names no provider type has no schema")
    void unknownProvider()
    {
        assertTrue(KilnSchemas.topLevel("provider", List.of("kubeadmm")).isEmpty());
        assertTrue(KilnSchemas.topLevel("provider", List.of()).isEmpty());
    }

    @Test
    @DisplayName("every argument and nested block is described, for the language reference")
    void everythingDescribed()
    {
        List<String> undescribed = new ArrayList<>();
        forEachSchema((path, schema) -> {
            schema.attributes().values().stream()
                    .filter(attribute -> attribute.description().length() < 10)
                    .forEach(attribute -> undescribed.add(path + "." + attribute.name()));
            schema.blocks().forEach((name, nested) -> {
                if (nested.description().length() < 10) {
                    undescribed.add(path + "." + name);
                }
            });
        });
        assertEquals(List.of(), undescribed);
    }

    @Test
    @DisplayName("credentials are sensitive arguments and computed values cannot be written")
    void credentialsAreSensitive()
    {
        List<String> exposed = new ArrayList<>();
        forEachSchema((path, schema) -> {
            for (AttributeSchema attribute : schema.attributes().values()) {
                if (SECRET_NAMES.contains(attribute.name()) && !attribute.sensitive() && !NOT_SECRET.contains(path + "." + attribute.name())) {
                    exposed.add(path + "." + attribute.name());
                }
                if (attribute.computed() && (attribute.required() || attribute.defaultValue().isPresent())) {
                    exposed.add(path + "." + attribute.name() + " (computed with a default)");
                }
            }
        });
        assertEquals(List.of(), exposed);
        AttributeSchema kubeconfig = KilnSchemas.topLevel("cluster", List.of("prod")).orElseThrow().attributes().get("kubeconfig");
        assertTrue(kubeconfig.computed() && kubeconfig.sensitive());
    }

    private static void forEachSchema(java.util.function.BiConsumer<String, BlockSchema> action)
    {
        walk("kiln", KilnSchemas.topLevel("kiln", List.of()).orElseThrow(), action);
        for (String type : KilnSchemas.providerTypes()) {
            walk("provider." + type, KilnSchemas.topLevel("provider", List.of(type)).orElseThrow(), action);
        }
        for (String type : KilnSchemas.resourceTypes()) {
            walk(type, KilnSchemas.topLevel(type, List.of("name")).orElseThrow(), action);
        }
    }

    private static void walk(String path, BlockSchema schema, java.util.function.BiConsumer<String, BlockSchema> action)
    {
        action.accept(path, schema);
        for (Map.Entry<String, NestedBlockSchema> nested : schema.blocks().entrySet()) {
            walk(path + "." + nested.getKey(), nested.getValue().schema(), action);
        }
    }
}
