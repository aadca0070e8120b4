package dev.kiln.planner;

import dev.kiln.lang.addr.Reference;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.addr.ResourceAddressParser;
import dev.kiln.lang.ast.Block;
import dev.kiln.lang.ast.Traversal;
import dev.kiln.lang.config.Config;
import dev.kiln.lang.config.Output;
import dev.kiln.lang.config.Variable;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.schema.DecodedAttribute;
import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.config.schema.DecodedInstance;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.Position;
import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.value.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Configurations for planner tests, built directly as the language's loader would produce
 * them: decoded resource instances with their references, outputs and variables. Each
 * instance gets its own line in {@code main.kiln.hcl}, so diagnostics have distinct ranges.
 */
public final class TestConfig
{
    private final List<DecodedInstance> resources = new ArrayList<>();
    private final TreeMap<String, Output> outputs = new TreeMap<>();
    private final TreeMap<String, Variable> variables = new TreeMap<>();
    private final List<DecodedBlock> providers = new ArrayList<>();
    private final TreeMap<ResourceAddress, TreeSet<ResourceAddress>> resourceDependencies = new TreeMap<>();
    private String hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    public static TestConfig builder()
    {
        return new TestConfig();
    }

    public static ResourceAddress address(String text)
    {
        return ResourceAddressParser.parse(text, "test", new Diagnostics()).orElseThrow(() -> new IllegalArgumentException(text));
    }

    /** A reference to {@code target}; {@code node.w[*]} is a reference to all instances of {@code node.w}. */
    public static Reference reference(String target)
    {
        boolean all = target.endsWith("[*]");
        return new Reference(address(all ? target.substring(0, target.length() - 3) : target), all, new Traversal(List.of()), range(1));
    }

    public static SourceRange range(int line)
    {
        return new SourceRange("main.kiln.hcl", new Position(line, 1, line * 100), new Position(line, 20, line * 100 + 19));
    }

    public TestConfig resource(String address, Map<String, Value> attributes, String... references)
    {
        return resource(address, attributes, Map.of(), List.of(references), List.of());
    }

    public TestConfig resource(String address, Map<String, Value> attributes, Map<String, Map<String, Value>> nestedBlocks, List<String> references, List<String> dependsOn)
    {
        ResourceAddress parsed = address(address);
        int line = resources.size() * 10 + 1;
        LinkedHashMap<String, DecodedAttribute> decoded = new LinkedHashMap<>();
        List<Reference> referenceList = references.stream().map(TestConfig::reference).toList();
        boolean first = true;
        int offset = 1;
        for (Map.Entry<String, Value> attribute : new TreeMap<>(attributes).entrySet()) {
            decoded.put(attribute.getKey(), new DecodedAttribute(attribute.getKey(), attribute.getValue(), true, range(line + offset++), first ? referenceList : List.of()));
            first = false;
        }
        if (first && !referenceList.isEmpty()) {
            throw new IllegalArgumentException("references need an attribute to hang on");
        }
        LinkedHashMap<String, List<DecodedBlock>> blocks = new LinkedHashMap<>();
        nestedBlocks.forEach((type, nested) -> {
            LinkedHashMap<String, DecodedAttribute> nestedAttributes = new LinkedHashMap<>();
            nested.forEach((name, value) -> nestedAttributes.put(name, new DecodedAttribute(name, value, true, range(line + 8))));
            blocks.put(type, List.of(new DecodedBlock(type, List.of(), nestedAttributes, Map.of(), range(line + 7), range(line + 7))));
        });
        DecodedBlock block = new DecodedBlock(parsed.type(), List.of(new Block.Label(parsed.name(), range(line))), decoded, blocks, range(line), range(line));
        resources.add(new DecodedInstance(parsed, block, Optional.empty(), Optional.empty(), dependsOn.stream().map(TestConfig::address).toList()));
        return this;
    }

    public TestConfig output(String name, Value value, boolean sensitive)
    {
        outputs.put(name, new Output(name, value, sensitive, "", List.of(), range(900 + outputs.size())));
        return this;
    }

    public TestConfig variable(String name, Value value, boolean sensitive)
    {
        variables.put(name, new Variable(name, value.type(), value, sensitive, false, "", range(800 + variables.size())));
        return this;
    }

    /** A provider configuration {@code provider "TYPE"} whose first argument references {@code references}. */
    public TestConfig provider(String type, Optional<String> alias, Map<String, Value> attributes, String... references)
    {
        LinkedHashMap<String, DecodedAttribute> decoded = new LinkedHashMap<>();
        alias.ifPresent(value -> decoded.put("alias", new DecodedAttribute("alias", Value.string(value), true, range(700))));
        List<Reference> referenceList = List.of(references).stream().map(TestConfig::reference).toList();
        attributes.forEach((name, value) -> decoded.put(name, new DecodedAttribute(name, value, true, range(701), referenceList)));
        providers.add(new DecodedBlock("provider", List.of(new Block.Label(type, range(700))), decoded, Map.of(), range(700), range(700)));
        return this;
    }

    public TestConfig providerOf(String address, String provider)
    {
        ResourceAddress parsed = address(address);
        for (int index = 0; index < resources.size(); index++) {
            DecodedInstance instance = resources.get(index);
            if (instance.address().equals(parsed)) {
                resources.set(index, new DecodedInstance(parsed, instance.block(), Optional.of(provider), Optional.of(range(1)), instance.dependsOn()));
            }
        }
        return this;
    }

    /** A dependency the loader found without a precise reference (through a local value or count): on every instance of {@code target}. */
    public TestConfig resourceDependency(String resource, String target)
    {
        resourceDependencies.computeIfAbsent(address(resource), ignored -> new TreeSet<>()).add(address(target));
        return this;
    }

    public TestConfig sourceHash(String newHash)
    {
        this.hash = newHash;
        return this;
    }

    public Config build()
    {
        Model model = new Model(Optional.empty(), List.of(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
        TreeMap<ResourceAddress, SortedSet<ResourceAddress>> dependencies = new TreeMap<>();
        for (DecodedInstance instance : resources) {
            SortedSet<ResourceAddress> targets = dependencies.computeIfAbsent(instance.address().withoutKey(), ignored -> new TreeSet<>());
            instance.block().attributes().values().forEach(attribute -> attribute.references().forEach(reference -> targets.add(reference.target().withoutKey())));
            instance.dependsOn().forEach(target -> targets.add(target.withoutKey()));
        }
        resourceDependencies.forEach((resource, targets) -> dependencies.computeIfAbsent(resource, ignored -> new TreeSet<>()).addAll(targets));
        return new Config(variables, new TreeMap<>(), outputs, model, resources, dependencies, providers, hash);
    }
}
