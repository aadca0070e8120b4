package dev.kiln.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Reads and writes state documents. Output is canonical (sorted keys, 2-space indent, trailing
 * newline), so equal states are equal bytes. Older formats are migrated forward through the
 * chain of {@link StateMigration}s; a newer format, invalid JSON or a missing field is a
 * {@link StateException} whose detail names the file.
 */
public final class StateCodec
{
    private static final StateCodec STANDARD = new StateCodec(State.FORMAT_VERSION, List.of(new PoolInstancesMigration()));

    private final int currentVersion;
    private final Map<Integer, StateMigration> migrations;

    StateCodec(int currentVersion, List<StateMigration> migrations)
    {
        this.currentVersion = currentVersion;
        this.migrations = requireNonNull(migrations, "migrations is null").stream()
                .collect(Collectors.toUnmodifiableMap(StateMigration::fromVersion, Function.identity()));
        for (int version = 1; version < currentVersion; version++) {
            if (!this.migrations.containsKey(version)) {
                throw new IllegalArgumentException("no migration from state format " + version);
            }
        }
    }

    /** The codec of this Kiln: writes {@link State#FORMAT_VERSION} and reads it and every older format. */
    public static StateCodec standard()
    {
        return STANDARD;
    }

    public String encode(State state)
    {
        return StateJson.pretty(StateDocument.write(state, currentVersion));
    }

    /** Reads a state; {@code source} names the file or object in error messages. */
    public State decode(String text, String source)
    {
        requireNonNull(text, "text is null");
        requireNonNull(source, "source is null");
        JsonNode document;
        try {
            document = StateJson.parse(text);
        }
        catch (JsonProcessingException e) {
            throw corrupted(source, "is not valid JSON: unexpected content at line %d, column %d"
                    .formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr()));
        }
        if (document == null || document.isMissingNode()) {
            throw corrupted(source, "is empty");
        }
        try {
            DocumentReader migrated = migrate(document, source);
            // The tree was parsed (and migrated) here and is dropped after reading, so the records may keep its nodes.
            return StateJson.adoptingParsed(() -> StateDocument.read(migrated));
        }
        catch (MalformedDocumentException e) {
            throw corrupted(source, "is not a valid Kiln state: " + e.getMessage());
        }
    }

    private DocumentReader migrate(JsonNode document, String source)
            throws MalformedDocumentException
    {
        long version = DocumentReader.root(document).naturalNumber("format_version");
        if (version > currentVersion) {
            throw StateException.error("Unsupported state format",
                    "%s: state was written by a newer Kiln (format %d); upgrade Kiln. This Kiln reads state formats 1 to %d."
                            .formatted(source, version, currentVersion));
        }
        if (version < 1) {
            throw new MalformedDocumentException("format_version", "0 is not a state format");
        }
        ObjectNode migrated = (ObjectNode) document;
        for (int from = (int) version; from < currentVersion; from++) {
            migrated = migrations.get(from).migrate(migrated);
            migrated.put("format_version", from + 1);
        }
        return DocumentReader.root(migrated);
    }

    private static StateException corrupted(String source, String problem)
    {
        return StateException.error("Corrupted state file",
                "%s %s. Restore the previous version (kiln.state.backup, or one listed by the backend's history) or repair the file."
                        .formatted(source, problem));
    }
}
