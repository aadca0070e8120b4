package dev.kiln.planner.planfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.addr.ResourceAddressParser;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.Severity;
import dev.kiln.lang.value.Value;
import dev.kiln.lang.value.ValueJson;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.plan.ActionReason;
import dev.kiln.planner.plan.OutputChange;
import dev.kiln.planner.plan.Plan;
import dev.kiln.planner.plan.PlanMode;
import dev.kiln.planner.plan.PriorState;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.state.AttributePath;
import dev.kiln.state.PathStep;
import dev.kiln.state.StateJson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/** A {@link Plan} to and from the JSON document of a plan file. */
final class PlanFileCodec
{
    static final String FORMAT = "kiln-plan";
    static final String SENSITIVE_VARIABLES = "sensitive_variables";

    private PlanFileCodec() {}

    static ObjectNode encode(Plan plan, String kilnVersion)
    {
        return encode(plan, kilnVersion, false);
    }

    /**
     * {@code withSensitiveVariables}: the file will be encrypted, so it also holds the values of
     * sensitive variables ({@code "sensitive_variables"}) and the sensitive parts of every value,
     * and applying it needs none given again.
     */
    static ObjectNode encode(Plan plan, String kilnVersion, boolean withSensitiveVariables)
    {
        ObjectNode root = StateJson.object();
        root.put("format", FORMAT);
        root.put("format_version", PlanFile.FORMAT_VERSION);
        root.put("kiln_version", kilnVersion);
        root.put("mode", plan.mode().name().toLowerCase(Locale.ROOT));
        root.put("config_hash", plan.configHash());
        ObjectNode prior = root.putObject("prior_state");
        prior.put("lineage", plan.priorState().lineage().toString());
        prior.put("serial", plan.priorState().serial());
        ArrayNode targets = root.putArray("targets");
        plan.targets().forEach(target -> targets.add(target.toString()));
        ObjectNode variables = root.putObject("variables");
        plan.variables().forEach((name, value) -> variables.set(name, TypedValues.encode(value, Optional.empty())));
        if (withSensitiveVariables) {
            ObjectNode sensitive = root.putObject(SENSITIVE_VARIABLES);
            plan.variables().forEach((name, value) -> {
                if (value.sensitive() && value.isWhollyKnown()) {
                    sensitive.set(name, ValueJson.toJson(value.unmarkedDeep()));
                }
            });
        }
        root.set("resource_changes", changes(plan.changes(), withSensitiveVariables));
        root.set("resource_drift", changes(plan.drift(), withSensitiveVariables));
        ArrayNode outputs = root.putArray("output_changes");
        for (OutputChange change : plan.outputChanges()) {
            ObjectNode node = outputs.addObject();
            node.put("name", change.name());
            node.put("action", change.action().name());
            node.put("sensitive", change.sensitive());
            Optional<Value> before = change.before().map(value -> change.sensitive() ? value.withSensitive(true) : value);
            Optional<Value> after = change.after().map(value -> change.sensitive() ? value.withSensitive(true) : value);
            before.ifPresent(value -> node.set("before", TypedValues.encode(value, after, withSensitiveVariables)));
            after.ifPresent(value -> node.set("after", TypedValues.encode(value, before, withSensitiveVariables)));
        }
        ArrayNode warnings = root.putArray("warnings");
        plan.warnings().forEach(warning -> warnings.addObject().put("summary", warning.summary()).put("detail", warning.detail()));
        return root;
    }

    private static ArrayNode changes(List<ResourceChange> changes, boolean withSensitive)
    {
        ArrayNode array = StateJson.array();
        for (ResourceChange change : changes) {
            ObjectNode node = array.addObject();
            node.put("address", change.address().toString());
            node.put("provider", change.provider());
            node.put("action", change.action().name());
            change.actionReason().ifPresent(reason -> node.put("action_reason", reason.name()));
            change.before().ifPresent(value -> node.set("before", TypedValues.encode(value, change.after(), withSensitive)));
            change.after().ifPresent(value -> node.set("after", TypedValues.encode(value, change.before(), withSensitive)));
            node.set("replace_paths", StateJson.paths(change.replacePaths()));
            ArrayNode steps = node.putArray("steps");
            change.steps().forEach(steps::add);
            change.forbiddenReason().ifPresent(reason -> node.put("forbidden_reason", reason));
        }
        return array;
    }

    static Plan decode(JsonNode root)
            throws MalformedPlanException
    {
        PlanMode mode = enumValue(PlanMode.class, text(root, "mode").toUpperCase(Locale.ROOT));
        JsonNode prior = field(root, "prior_state");
        UUID lineage;
        try {
            lineage = UUID.fromString(text(prior, "lineage"));
        }
        catch (IllegalArgumentException e) {
            throw new MalformedPlanException("prior_state.lineage is not a UUID");
        }
        TreeSet<ResourceAddress> targets = new TreeSet<>();
        for (JsonNode target : field(root, "targets")) {
            targets.add(address(target.asText()));
        }
        TreeMap<String, Value> variables = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = field(root, "variables").fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> variable = fields.next();
            variables.put(variable.getKey(), TypedValues.decode(variable.getValue()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.path(SENSITIVE_VARIABLES).fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> variable = fields.next();
            Value saved = variables.get(variable.getKey());
            if (saved == null) {
                throw new MalformedPlanException("the sensitive variable \"" + variable.getKey() + "\" is not among the variables");
            }
            try {
                variables.put(variable.getKey(), ValueJson.fromJson(variable.getValue(), saved.type()).withSensitive(true));
            }
            catch (ValueJson.DecodeException e) {
                throw new MalformedPlanException("the sensitive variable \"" + variable.getKey() + "\" does not have its type");
            }
        }
        List<OutputChange> outputs = new ArrayList<>();
        for (JsonNode node : field(root, "output_changes")) {
            outputs.add(new OutputChange(text(node, "name"), enumValue(Action.class, text(node, "action")),
                    optionalValue(node, "before"), optionalValue(node, "after"), node.path("sensitive").asBoolean()));
        }
        List<Diagnostic> warnings = new ArrayList<>();
        for (JsonNode node : field(root, "warnings")) {
            warnings.add(new Diagnostic(Severity.WARNING, text(node, "summary"), text(node, "detail"), Optional.empty(), Optional.empty()));
        }
        return new Plan(mode, changes(field(root, "resource_changes")), outputs, changes(field(root, "resource_drift")), targets, warnings,
                new PriorState(lineage, field(prior, "serial").asLong()), text(root, "config_hash"), variables);
    }

    private static List<ResourceChange> changes(JsonNode array)
            throws MalformedPlanException
    {
        List<ResourceChange> changes = new ArrayList<>();
        for (JsonNode node : array) {
            Optional<ActionReason> reason = node.has("action_reason") ? Optional.of(enumValue(ActionReason.class, text(node, "action_reason"))) : Optional.empty();
            List<String> steps = new ArrayList<>();
            field(node, "steps").forEach(step -> steps.add(step.asText()));
            changes.add(new ResourceChange(
                    address(text(node, "address")),
                    text(node, "provider"),
                    enumValue(Action.class, text(node, "action")),
                    reason,
                    optionalValue(node, "before"),
                    optionalValue(node, "after"),
                    paths(field(node, "replace_paths")),
                    steps,
                    node.has("forbidden_reason") ? Optional.of(text(node, "forbidden_reason")) : Optional.empty()));
        }
        return changes;
    }

    private static List<AttributePath> paths(JsonNode array)
            throws MalformedPlanException
    {
        List<AttributePath> paths = new ArrayList<>();
        for (JsonNode path : array) {
            List<PathStep> steps = new ArrayList<>();
            for (JsonNode step : path) {
                if (step.has("attribute")) {
                    steps.add(new PathStep.Attribute(step.get("attribute").asText()));
                }
                else if (step.has("index")) {
                    steps.add(new PathStep.Index(step.get("index").asLong()));
                }
                else if (step.has("key")) {
                    steps.add(new PathStep.Key(step.get("key").asText()));
                }
                else {
                    throw new MalformedPlanException("a replace path step that is neither attribute, index nor key");
                }
            }
            if (steps.isEmpty()) {
                throw new MalformedPlanException("an empty replace path");
            }
            paths.add(new AttributePath(steps));
        }
        return paths;
    }

    private static Optional<Value> optionalValue(JsonNode node, String name)
            throws MalformedPlanException
    {
        return node.has(name) ? Optional.of(TypedValues.decode(node.get(name))) : Optional.empty();
    }

    private static ResourceAddress address(String text)
            throws MalformedPlanException
    {
        Optional<ResourceAddress> address = ResourceAddressParser.parse(text, "the plan file", new Diagnostics());
        if (address.isEmpty()) {
            throw new MalformedPlanException("\"" + text + "\" is not a resource address");
        }
        return address.get();
    }

    static JsonNode field(JsonNode node, String name)
            throws MalformedPlanException
    {
        JsonNode field = node.get(name);
        if (field == null || field.isNull()) {
            throw new MalformedPlanException("the field \"" + name + "\" is missing");
        }
        return field;
    }

    static String text(JsonNode node, String name)
            throws MalformedPlanException
    {
        JsonNode field = field(node, name);
        if (!field.isTextual()) {
            throw new MalformedPlanException("the field \"" + name + "\" is not a string");
        }
        return field.textValue();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name)
            throws MalformedPlanException
    {
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new MalformedPlanException("\"" + name + "\" is not a known " + type.getSimpleName()));
    }
}
