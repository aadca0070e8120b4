package dev.kiln.cli.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.state.AttributePath;
import dev.kiln.state.InstanceStatus;
import dev.kiln.state.OutputValue;
import dev.kiln.state.PathStep;
import dev.kiln.state.ResourceInstance;
import dev.kiln.state.State;

import java.util.List;
import java.util.Map;

/** The recorded state for people ({@code kiln show}, {@code kiln state show}) and as Terraform's JSON values document. */
public final class StateView
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MASK = "\u0000sensitive\u0000";

    private StateView() {}

    /** One instance as an HCL block, sensitive values hidden. */
    public static String instance(ResourceInstance instance)
    {
        StringBuilder text = new StringBuilder("# ").append(instance.address()).append(':');
        if (instance.needsReconciliation()) {
            text.append(" (needs reconciliation)");
        }
        if (instance.status() != InstanceStatus.READY) {
            text.append(" (").append(instance.status().label()).append(')');
        }
        text.append('\n').append(instance.type()).append(' ').append(JsonValueText.quote(instance.address().blockLabel())).append(" {\n");
        JsonNode masked = masked(instance.attributes(), instance.sensitivePaths());
        masked.fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                text.append("    ").append(JsonValueText.key(field.getKey())).append(" = ")
                        .append(JsonValueText.render(field.getValue()).replace("\n", "\n    ")).append('\n');
            }
        });
        text.append("}\n");
        return text.toString().replace(JsonValueText.quote(MASK), JsonValueText.SENSITIVE);
    }

    public static String state(State state)
    {
        if (state.resources().isEmpty() && state.outputs().isEmpty()) {
            return "The state is empty. No resources are recorded.\n";
        }
        StringBuilder text = new StringBuilder();
        state.resources().values().forEach(instance -> text.append(instance(instance)).append('\n'));
        if (!state.outputs().isEmpty()) {
            text.append("\nOutputs:\n\n");
            state.outputs().forEach((name, output) -> text.append(name).append(" = ")
                    .append(output.sensitive() ? JsonValueText.SENSITIVE : JsonValueText.render(output.value())).append('\n'));
        }
        return text.toString();
    }

    /** Terraform's {@code show -json} document of a state: {@code values.root_module.resources} and {@code values.outputs}. */
    public static ObjectNode json(State state, String kilnVersion)
    {
        ObjectNode document = MAPPER.createObjectNode();
        document.put("format_version", "1.0");
        document.put("kiln_version", kilnVersion);
        document.put("lineage", state.lineage().toString());
        document.put("serial", state.serial());
        ObjectNode values = document.putObject("values");
        ObjectNode outputs = values.putObject("outputs");
        for (Map.Entry<String, OutputValue> output : state.outputs().entrySet()) {
            ObjectNode entry = outputs.putObject(output.getKey());
            entry.put("sensitive", output.getValue().sensitive());
            if (!output.getValue().sensitive()) {
                entry.set("value", output.getValue().value());
            }
        }
        ArrayNode resources = values.putObject("root_module").putArray("resources");
        for (ResourceInstance instance : state.resources().values()) {
            ObjectNode resource = resources.addObject();
            resource.put("address", instance.address().toString());
            resource.put("type", instance.type());
            resource.put("name", instance.address().name());
            switch (instance.address().key()) {
                case InstanceKey.None none -> {
                }
                case InstanceKey.Index index -> resource.put("index", index.value());
                case InstanceKey.Key key -> resource.put("index", key.value());
            }
            resource.put("provider_name", instance.provider());
            resource.put("tainted", instance.status() != InstanceStatus.READY);
            resource.put("needs_reconciliation", instance.needsReconciliation());
            resource.set("values", withoutSensitive(instance.attributes(), instance.sensitivePaths()));
            ArrayNode sensitive = resource.putArray("sensitive_attributes");
            instance.sensitivePaths().forEach(path -> sensitive.add(path.toString()));
        }
        return document;
    }

    private static JsonNode masked(JsonNode attributes, List<AttributePath> paths)
    {
        JsonNode copy = attributes.deepCopy();
        paths.forEach(path -> replace(copy, path, TextNode.valueOf(MASK)));
        return copy;
    }

    private static JsonNode withoutSensitive(JsonNode attributes, List<AttributePath> paths)
    {
        JsonNode copy = attributes.deepCopy();
        paths.forEach(path -> replace(copy, path, null));
        return copy;
    }

    private static void replace(JsonNode root, AttributePath path, JsonNode replacement)
    {
        JsonNode parent = root;
        List<PathStep> steps = path.steps();
        for (int position = 0; position < steps.size() - 1 && parent != null; position++) {
            parent = child(parent, steps.get(position));
        }
        if (parent == null) {
            return;
        }
        PathStep last = steps.getLast();
        if (parent instanceof ObjectNode object) {
            String name = last instanceof PathStep.Attribute attribute ? attribute.name() : last instanceof PathStep.Key key ? key.value() : null;
            if (name != null && object.has(name)) {
                object.set(name, replacement == null ? MAPPER.nullNode() : replacement);
            }
        }
        else if (parent instanceof ArrayNode array && last instanceof PathStep.Index index && index.value() < array.size()) {
            array.set((int) index.value(), replacement == null ? MAPPER.nullNode() : replacement);
        }
    }

    private static JsonNode child(JsonNode node, PathStep step)
    {
        return switch (step) {
            case PathStep.Attribute attribute -> node.get(attribute.name());
            case PathStep.Key key -> node.get(key.value());
            case PathStep.Index index -> node.get((int) index.value());
        };
    }
}
