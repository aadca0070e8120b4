package dev.kiln.planner.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.plan.ChangeValues;
import dev.kiln.planner.plan.OutputChange;
import dev.kiln.planner.plan.Plan;
import dev.kiln.planner.plan.PlanMode;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.state.AttributePath;
import dev.kiln.state.PathStep;
import dev.kiln.state.StateJson;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A plan in the JSON shape of Terraform's {@code show -json} ({@code format_version},
 * {@code resource_changes[]} with {@code change.actions}, {@code before}, {@code after},
 * {@code after_unknown}, {@code before_sensitive}, {@code after_sensitive},
 * {@code output_changes}, {@code prior_state}), so review tooling adapts easily. Unlike
 * Terraform, sensitive values are left out of {@code before}/{@code after}: their places are
 * only marked in the {@code *_sensitive} masks.
 */
public final class JsonRenderer
{
    public static final String FORMAT_VERSION = "1.2";

    private JsonRenderer() {}

    /** The document, keys sorted, two-space indented, with a trailing newline. */
    public static String render(Plan plan)
    {
        return StateJson.pretty(toJson(plan));
    }

    public static ObjectNode toJson(Plan plan)
    {
        requireNonNull(plan, "plan is null");
        ObjectNode root = StateJson.object();
        root.put("format_version", FORMAT_VERSION);
        root.put("applyable", plan.hasChanges() && plan.changes().stream().noneMatch(ResourceChange::isForbidden));
        root.put("errored", plan.changes().stream().anyMatch(ResourceChange::isForbidden));
        root.put("config_hash", plan.configHash());
        root.put("destroy", plan.mode() == PlanMode.DESTROY);
        ArrayNode targets = root.putArray("target_addrs");
        plan.targets().forEach(target -> targets.add(target.toString()));
        ObjectNode variables = root.putObject("variables");
        plan.variables().forEach((name, value) -> {
            ObjectNode variable = variables.putObject(name);
            variable.set("value", ChangeValues.knownJson(value));
            if (value.containsSensitive()) {
                variable.put("sensitive", true);
            }
        });
        root.set("resource_drift", resourceChanges(plan.drift()));
        root.set("resource_changes", resourceChanges(plan.changes()));
        ObjectNode outputs = root.putObject("output_changes");
        plan.outputChanges().forEach(change -> outputs.set(change.name(), outputChange(change)));
        root.set("prior_state", priorState(plan));
        return root;
    }

    static ArrayNode resourceChanges(List<ResourceChange> changes)
    {
        ArrayNode array = StateJson.array();
        for (ResourceChange change : changes) {
            ObjectNode node = array.addObject();
            identity(node, change);
            change.actionReason().ifPresent(reason -> node.put("action_reason", reason.jsonName()));
            change.forbiddenReason().ifPresent(reason -> node.put("forbidden_reason", reason));
            ObjectNode body = node.putObject("change");
            values(body, change.action(), change.before(), change.after());
            ArrayNode replacePaths = body.putArray("replace_paths");
            change.replacePaths().forEach(path -> replacePaths.add(path(path)));
            ArrayNode steps = node.putArray("steps");
            change.steps().forEach(steps::add);
        }
        return array;
    }

    private static void identity(ObjectNode node, ResourceChange change)
    {
        node.put("address", change.address().toString());
        node.put("mode", "managed");
        node.put("type", change.type());
        node.put("name", change.name());
        switch (change.index()) {
            case InstanceKey.Index index -> node.put("index", index.value());
            case InstanceKey.Key key -> node.put("index", key.value());
            case InstanceKey.None ignored -> {
            }
        }
        node.put("provider_name", change.provider());
    }

    private static JsonNode outputChange(OutputChange change)
    {
        ObjectNode node = StateJson.object();
        values(node, change.action(), change.before().map(value -> sensitiveOutput(value, change.sensitive())),
                change.after().map(value -> sensitiveOutput(value, change.sensitive())));
        return node;
    }

    private static Value sensitiveOutput(Value value, boolean sensitive)
    {
        return sensitive ? value.withSensitive(true) : value;
    }

    private static void values(ObjectNode node, Action action, Optional<Value> before, Optional<Value> after)
    {
        ArrayNode actions = node.putArray("actions");
        action.jsonActions().forEach(actions::add);
        node.set("before", before.map(ChangeValues::knownJson).orElse(NullNode.getInstance()));
        node.set("after", after.map(ChangeValues::knownJson).orElse(NullNode.getInstance()));
        node.set("after_unknown", after.map(value -> emptyWhenFalse(ChangeValues.unknownMask(value), value)).orElse(StateJson.object()));
        node.set("before_sensitive", before.map(value -> emptyWhenFalse(ChangeValues.sensitiveMask(value), value)).orElse(BooleanNode.FALSE));
        node.set("after_sensitive", after.map(value -> emptyWhenFalse(ChangeValues.sensitiveMask(value), value)).orElse(BooleanNode.FALSE));
    }

    /** A mask that marks nothing, for an object value, is {@code {}} as Terraform writes it. */
    private static JsonNode emptyWhenFalse(JsonNode mask, Value value)
    {
        boolean objectLike = value instanceof Value.ObjectValue || value instanceof Value.MapValue;
        return mask.isBoolean() && !mask.booleanValue() && objectLike ? StateJson.object() : mask;
    }

    private static JsonNode path(AttributePath path)
    {
        ArrayNode steps = StateJson.array();
        for (PathStep step : path.steps()) {
            switch (step) {
                case PathStep.Attribute attribute -> steps.add(attribute.name());
                case PathStep.Index index -> steps.add(index.value());
                case PathStep.Key key -> steps.add(key.value());
            }
        }
        return steps;
    }

    private static JsonNode priorState(Plan plan)
    {
        ObjectNode state = StateJson.object();
        state.put("format_version", "1.0");
        state.put("lineage", plan.priorState().lineage().toString());
        state.put("serial", plan.priorState().serial());
        ArrayNode resources = state.putObject("values").putObject("root_module").putArray("resources");
        for (ResourceChange change : plan.changes()) {
            if (change.before().isEmpty()) {
                continue;
            }
            ObjectNode resource = resources.addObject();
            identity(resource, change);
            resource.set("values", ChangeValues.knownJson(change.before().get()));
            resource.set("sensitive_values", emptyWhenFalse(ChangeValues.sensitiveMask(change.before().get()), change.before().get()));
        }
        return state;
    }
}
