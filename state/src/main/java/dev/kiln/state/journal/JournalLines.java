package dev.kiln.state.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.state.DocumentReader;
import dev.kiln.state.MalformedDocumentException;
import dev.kiln.state.StateJson;

import java.util.Optional;

/** One journal record as one line of canonical JSON, and back. */
final class JournalLines
{
    private JournalLines() {}

    static String write(JournalRecord record)
    {
        ObjectNode object = StateJson.object();
        object.put("run", record.runId());
        object.put("sequence", record.sequence());
        object.put("at", record.at().toString());
        switch (record) {
            case JournalRecord.Intent intent -> {
                object.put("kind", "intent");
                object.put("address", intent.address().toString());
                object.put("action", intent.action().label());
                object.put("provider", intent.provider());
                ArrayNode dependencies = object.putArray("dependencies");
                intent.dependencies().forEach(address -> dependencies.add(address.toString()));
                object.set("planned", intent.plannedAttributes());
            }
            case JournalRecord.Result result -> {
                object.put("kind", "result");
                result.attributes().ifPresent(attributes -> object.set("attributes", attributes));
                object.set("sensitive_attributes", StateJson.paths(result.sensitivePaths()));
                result.error().ifPresent(error -> object.put("error", error));
            }
        }
        return StateJson.compact(object) + "\n";
    }

    static JournalRecord read(String line)
            throws MalformedDocumentException
    {
        DocumentReader reader;
        try {
            reader = DocumentReader.root(StateJson.parse(line));
        }
        catch (JsonProcessingException e) {
            throw new MalformedDocumentException("(record)", "is not valid JSON");
        }
        String kind = reader.text("kind");
        return switch (kind) {
            case "intent" -> new JournalRecord.Intent(
                    reader.text("run"),
                    reader.naturalNumber("sequence"),
                    reader.instant("at"),
                    reader.address("address"),
                    action(reader.text("action")),
                    reader.text("provider"),
                    reader.addresses("dependencies"),
                    reader.any("planned"));
            case "result" -> new JournalRecord.Result(
                    reader.text("run"),
                    reader.naturalNumber("sequence"),
                    reader.instant("at"),
                    reader.has("attributes") ? Optional.of(reader.any("attributes")) : Optional.<JsonNode>empty(),
                    reader.paths("sensitive_attributes"),
                    reader.optionalText("error"));
            default -> throw new MalformedDocumentException("kind", "\"" + kind + "\" is not intent or result");
        };
    }

    private static JournalAction action(String label)
            throws MalformedDocumentException
    {
        return JournalAction.fromLabel(label)
                .orElseThrow(() -> new MalformedDocumentException("action", "\"" + label + "\" is not create, update or delete"));
    }
}
