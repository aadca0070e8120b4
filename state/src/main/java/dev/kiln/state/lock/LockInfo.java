package dev.kiln.state.lock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.state.DocumentReader;
import dev.kiln.state.MalformedDocumentException;
import dev.kiln.state.StateJson;

import java.time.Instant;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** Who holds a state lock: written beside the lock so that a refused run can name the holder. */
public record LockInfo(UUID id, String operation, String who, long pid, String kilnVersion, Instant created)
{
    public LockInfo
    {
        requireNonNull(id, "id is null");
        requireNonNull(operation, "operation is null");
        requireNonNull(who, "who is null");
        requireNonNull(kilnVersion, "kilnVersion is null");
        requireNonNull(created, "created is null");
    }

    public static LockInfo grant(LockRequest request, Instant now)
    {
        return new LockInfo(UUID.randomUUID(), request.operation(), request.who(), request.pid(), request.kilnVersion(), now);
    }

    public String toJson()
    {
        ObjectNode object = StateJson.object();
        object.put("id", id.toString());
        object.put("operation", operation);
        object.put("who", who);
        object.put("pid", pid);
        object.put("kiln_version", kilnVersion);
        object.put("created", created.toString());
        return StateJson.pretty(object);
    }

    /** Reads lock info written by {@link #toJson()}; {@code source} names the file in the error. */
    public static LockInfo parse(String text, String source)
            throws MalformedDocumentException
    {
        DocumentReader reader;
        try {
            reader = DocumentReader.root(StateJson.parse(text));
        }
        catch (JsonProcessingException e) {
            throw new MalformedDocumentException(source, "is not valid JSON");
        }
        return new LockInfo(
                reader.uuid("id"),
                reader.text("operation"),
                reader.text("who"),
                reader.naturalNumber("pid"),
                reader.text("kiln_version"),
                reader.instant("created"));
    }

    /** The holder, as the "Lock Info:" block of a lock error. */
    public String describe()
    {
        return """
                Lock Info:
                  ID:        %s
                  Operation: %s
                  Who:       %s
                  PID:       %d
                  Version:   %s
                  Created:   %s""".formatted(id, operation, who, pid, kilnVersion, created);
    }
}
