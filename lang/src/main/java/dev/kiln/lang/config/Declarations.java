package dev.kiln.lang.config;

import dev.kiln.lang.ast.Attribute;
import dev.kiln.lang.ast.Block;
import dev.kiln.lang.config.schema.BlockSchema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The top-level declarations of all files of a configuration, each name once (duplicates
 * are reported when collected): variables, local values, outputs, the {@code kiln} block,
 * provider configurations and resources by type and name.
 */
record Declarations(
        Map<String, Block> variables,
        Map<String, Attribute> locals,
        Map<String, Block> outputs,
        Optional<KilnBlock> kiln,
        List<ProviderDeclaration> providers,
        SortedMap<String, SortedMap<String, ResourceDeclaration>> resources)
{
    Declarations
    {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        locals = Collections.unmodifiableMap(new LinkedHashMap<>(locals));
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        providers = List.copyOf(providers);
        TreeMap<String, SortedMap<String, ResourceDeclaration>> copy = new TreeMap<>();
        resources.forEach((type, byName) -> copy.put(type, Collections.unmodifiableSortedMap(new TreeMap<>(byName))));
        resources = Collections.unmodifiableSortedMap(copy);
    }

    /** The {@code kiln} settings block with its schema. */
    record KilnBlock(Block block, BlockSchema schema) {}

    List<ResourceDeclaration> allResources()
    {
        return resources.values().stream().flatMap(byName -> byName.values().stream()).toList();
    }
}
