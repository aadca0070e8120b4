package dev.kiln.lang.config.model;

import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.Reference;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.ast.Block;
import dev.kiln.lang.ast.Traversal;
import dev.kiln.lang.config.schema.DecodedAttribute;
import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.config.schema.DecodedInstance;
import dev.kiln.lang.diag.Position;
import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds decoded blocks by hand, as the schema decoder would produce them, so the model
 * and its rules can be tested without the parser. Every argument, block and label gets a
 * range on a line of its own, so tests can tell which one a diagnostic points at.
 */
public final class TestBlock
{
    private static final AtomicInteger LINES = new AtomicInteger(1);

    private final String type;
    private final List<Block.Label> labels = new ArrayList<>();
    private final Map<String, DecodedAttribute> attributes = new LinkedHashMap<>();
    private final Map<String, List<DecodedBlock>> blocks = new LinkedHashMap<>();
    private final SourceRange typeRange = nextRange();
    private InstanceKey key = InstanceKey.NONE;
    private Optional<String> provider = Optional.empty();

    private TestBlock(String type, String... labels)
    {
        this.type = type;
        for (String label : labels) {
            this.labels.add(new Block.Label(label, nextRange()));
        }
    }

    public static TestBlock block(String type, String... labels)
    {
        return new TestBlock(type, labels);
    }

    public static SourceRange nextRange()
    {
        int line = LINES.getAndIncrement();
        return new SourceRange("test.kiln.hcl", new Position(line, 1, line * 100), new Position(line, 10, line * 100 + 9));
    }

    public TestBlock set(String name, String value)
    {
        return set(name, Value.string(value));
    }

    public TestBlock set(String name, long value)
    {
        return set(name, Value.number(value));
    }

    public TestBlock set(String name, boolean value)
    {
        return set(name, Value.bool(value));
    }

    public TestBlock strings(String name, String... values)
    {
        return set(name, Value.list(Type.STRING, Arrays.stream(values).<Value>map(Value::string).toList()));
    }

    public TestBlock map(String name, Map<String, String> entries)
    {
        Map<String, Value> values = new LinkedHashMap<>();
        entries.forEach((entryKey, value) -> values.put(entryKey, Value.string(value)));
        return set(name, Value.map(Type.STRING, values));
    }

    public TestBlock unknown(String name)
    {
        return set(name, Value.unknown(Type.DYNAMIC));
    }

    public TestBlock set(String name, Value value)
    {
        attributes.put(name, new DecodedAttribute(name, value, true, nextRange()));
        return this;
    }

    /**
     * A reference list such as {@code nodes = [node.m1, node.w[*]]}: each target is
     * {@code type.name}, {@code type.name[2]} or {@code type.name[*]}. The value is a tuple with
     * one object per referenced instance, as {@code instances} says how many {@code [*]} has.
     */
    public TestBlock references(String name, int elements, String... targets)
    {
        List<Reference> references = new ArrayList<>();
        for (String target : targets) {
            references.add(reference(target));
        }
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < elements; i++) {
            values.add(Value.object(Map.of("address", Value.unknown(Type.STRING))));
        }
        attributes.put(name, new DecodedAttribute(name, Value.tuple(values), true, nextRange(), references));
        return this;
    }

    /** A single reference such as {@code registry = registry.mirror}. */
    public TestBlock reference(String name, String target)
    {
        attributes.put(name, new DecodedAttribute(name, Value.object(Map.of("address", Value.unknown(Type.STRING))), true, nextRange(), List.of(reference(target))));
        return this;
    }

    private static Reference reference(String target)
    {
        String[] parts = target.split("\\.", 2);
        String name = parts[1];
        boolean all = name.endsWith("[*]");
        InstanceKey instanceKey = InstanceKey.NONE;
        if (all) {
            name = name.substring(0, name.length() - 3);
        }
        else if (name.endsWith("]")) {
            instanceKey = new InstanceKey.Index(Integer.parseInt(name.substring(name.indexOf('[') + 1, name.length() - 1)));
            name = name.substring(0, name.indexOf('['));
        }
        return new Reference(new ResourceAddress(parts[0], name, instanceKey), all, new Traversal(List.of()), nextRange());
    }

    public TestBlock block(TestBlock nested)
    {
        blocks.computeIfAbsent(nested.type, ignored -> new ArrayList<>()).add(nested.build());
        return this;
    }

    public TestBlock key(int index)
    {
        this.key = new InstanceKey.Index(index);
        return this;
    }

    public TestBlock provider(String name)
    {
        this.provider = Optional.of(name);
        return this;
    }

    public SourceRange rangeOf(String attribute)
    {
        return attributes.get(attribute).range();
    }

    /** The range of the first reference the argument made. */
    public SourceRange referenceRange(String attribute)
    {
        return attributes.get(attribute).references().getFirst().range();
    }

    public SourceRange labelRange()
    {
        return labels.getFirst().range();
    }

    public SourceRange typeRange()
    {
        return typeRange;
    }

    public DecodedBlock build()
    {
        SourceRange range = typeRange.through(nextRange());
        return new DecodedBlock(type, labels, attributes, blocks, typeRange, range);
    }

    public DecodedInstance instance()
    {
        return new DecodedInstance(new ResourceAddress(type, labels.getFirst().value(), key), build(), provider, Optional.empty(), List.of());
    }
}
