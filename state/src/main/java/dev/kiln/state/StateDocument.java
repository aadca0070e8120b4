package dev.kiln.state;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.addr.ResourceAddress;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The mapping between {@link State} and its JSON document, field by field. */
final class StateDocument
{
    private StateDocument() {}

    static ObjectNode write(State state, int formatVersion)
    {
        ObjectNode document = StateJson.object();
        document.put("format_version", formatVersion);
        document.put("kiln_version", state.kilnVersion());
        document.put("lineage", state.lineage().toString());
        ObjectNode outputs = document.putObject("outputs");
        state.outputs().forEach((name, output) -> outputs.set(name, write(output)));
        ArrayNode resources = document.putArray("resources");
        state.resources().values().forEach(instance -> resources.add(write(instance)));
        document.put("serial", state.serial());
        return document;
    }

    /** Whether two states record the same resources and outputs, comparing canonical JSON only where the records differ. */
    static boolean sameContent(State first, State second)
    {
        if (first.resources().size() != second.resources().size() || !first.outputs().keySet().equals(second.outputs().keySet())) {
            return false;
        }
        Iterator<ResourceInstance> others = second.resources().values().iterator();
        for (ResourceInstance instance : first.resources().values()) {
            ResourceInstance other = others.next();
            if (!instance.equals(other) && !StateJson.compact(write(instance)).equals(StateJson.compact(write(other)))) {
                return false;
            }
        }
        for (Map.Entry<String, OutputValue> output : first.outputs().entrySet()) {
            OutputValue other = second.outputs().get(output.getKey());
            if (!output.getValue().equals(other) && !StateJson.compact(write(output.getValue())).equals(StateJson.compact(write(other)))) {
                return false;
            }
        }
        return true;
    }

    static State read(DocumentReader document)
            throws MalformedDocumentException
    {
        TreeMap<ResourceAddress, ResourceInstance> resources = new TreeMap<>();
        List<DocumentReader> items = document.objects("resources");
        for (int i = 0; i < items.size(); i++) {
            ResourceInstance instance = readInstance(items.get(i), "resources[" + i + "]");
            if (resources.put(instance.address(), instance) != null) {
                throw new MalformedDocumentException("resources[" + i + "]", "address " + instance.address() + " is recorded twice");
            }
        }
        TreeMap<String, OutputValue> outputs = new TreeMap<>();
        for (Map.Entry<String, DocumentReader> entry : document.members("outputs").entrySet()) {
            outputs.put(entry.getKey(), new OutputValue(entry.getValue().any("value"), entry.getValue().bool("sensitive")));
        }
        return new State(
                document.text("kiln_version"),
                document.uuid("lineage"),
                document.naturalNumber("serial"),
                resources,
                outputs);
    }

    /** Keys are added in ascending order, so the canonical writer need not sort them. */
    static ObjectNode write(ResourceInstance instance)
    {
        ObjectNode object = StateJson.object();
        object.put("address", instance.address().toString());
        object.set("attributes", instance.attributes());
        object.put("created", instance.created().toString());
        ArrayNode dependencies = object.putArray("dependencies");
        instance.dependencies().forEach(address -> dependencies.add(address.toString()));
        object.put("needs_reconciliation", instance.needsReconciliation());
        object.put("provider", instance.provider());
        object.set("sensitive_attributes", StateJson.paths(instance.sensitivePaths()));
        object.put("status", instance.status().label());
        object.put("type", instance.type());
        object.put("updated", instance.updated().toString());
        return object;
    }

    private static ObjectNode write(OutputValue output)
    {
        ObjectNode object = StateJson.object();
        object.put("sensitive", output.sensitive());
        object.set("value", output.value());
        return object;
    }

    private static ResourceInstance readInstance(DocumentReader item, String where)
            throws MalformedDocumentException
    {
        ResourceAddress address = item.address("address");
        if (!item.text("type").equals(address.type())) {
            throw new MalformedDocumentException(where + ".type", "does not match the type of " + address);
        }
        String status = item.text("status");
        InstanceStatus parsedStatus = InstanceStatus.fromLabel(status).orElseThrow(() ->
                new MalformedDocumentException(where + ".status", "\"" + status + "\" is not one of ready, tainted"));
        Instant created = item.instant("created");
        // Most instances were never updated: parsing the same time twice is a noticeable part of reading a large state.
        Instant updated = item.text("updated").equals(item.text("created")) ? created : item.instant("updated");
        try {
            return new ResourceInstance(
                    address,
                    item.text("provider"),
                    item.any("attributes"),
                    item.paths("sensitive_attributes"),
                    item.addresses("dependencies"),
                    parsedStatus,
                    item.bool("needs_reconciliation"),
                    created,
                    updated);
        }
        catch (IllegalArgumentException e) {
            throw new MalformedDocumentException(where, e.getMessage());
        }
    }
}
