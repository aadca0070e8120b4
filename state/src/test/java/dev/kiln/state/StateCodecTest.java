package dev.kiln.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class StateCodecTest
{
    private static final Map<String, Supplier<State>> GOLDEN_STATES = Map.of(
            "empty", TestStates::empty,
            "full", TestStates::full);

    private final StateCodec codec = StateCodec.standard();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"empty", "full"})
    @DisplayName("a state encodes to its golden file, and the golden file decodes to the same state")
    void goldenRoundTrip(String name)
    {
        State state = GOLDEN_STATES.get(name).get();
        String encoded = codec.encode(state);
        Golden.assertMatches(name + ".json", encoded);

        State decoded = codec.decode(Golden.read(name + ".json"), name + ".json");
        assertEquals(state, decoded);
        assertEquals(encoded, codec.encode(decoded));
    }

    @Test
    @DisplayName("output is canonical: sorted keys, two-space indent, empty containers closed, one trailing newline")
    void canonicalLayout()
    {
        String encoded = codec.encode(TestStates.empty());
        assertEquals("""
                {
                  "format_version": 2,
                  "kiln_version": "0.1.0",
                  "lineage": "3f2a6c1e-8d4b-4a57-9c1e-2b7d5e0f9a13",
                  "outputs": {},
                  "resources": [],
                  "serial": 0
                }
                """, encoded);
    }

    @Test
    @DisplayName("attribute keys are sorted at every depth and decimals keep their exact digits")
    void attributesCanonical()
    {
        String encoded = codec.encode(TestStates.full());
        assertTrue(encoded.contains("\"load\": 0.750"), encoded);
        assertTrue(encoded.indexOf("\"env\": \"prod\"") < encoded.indexOf("\"team\": \"platform\""), encoded);
        assertTrue(encoded.indexOf("\"node.w[2]\"") < encoded.indexOf("\"node.w[10]\""), "instances ordered by address, indexes numerically");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "invalid JSON|{\"format_version\": 1, \"lineage\": |is not valid JSON: unexpected content at line 1",
            "empty file||is empty",
            "not an object|[1, 2]|expected a JSON object",
            "missing lineage|{\"format_version\": 1, \"kiln_version\": \"0.1.0\", \"serial\": 1, \"resources\": [], \"outputs\": {}}|lineage: missing",
            "lineage not a UUID|{\"format_version\": 1, \"kiln_version\": \"0.1.0\", \"lineage\": \"abc\", \"serial\": 1, \"resources\": [], \"outputs\": {}}|lineage: \"abc\" is not a UUID",
            "negative serial|{\"format_version\": 1, \"kiln_version\": \"0.1.0\", \"lineage\": \"3f2a6c1e-8d4b-4a57-9c1e-2b7d5e0f9a13\", \"serial\": -1, \"resources\": [], \"outputs\": {}}|serial: expected a whole number",
            "missing format version|{\"lineage\": \"3f2a6c1e-8d4b-4a57-9c1e-2b7d5e0f9a13\"}|format_version: missing",
            "duplicate key|{\"format_version\": 1, \"format_version\": 1}|is not valid JSON",
            "trailing content|{\"format_version\": 1} {}|is not valid JSON",
            "format zero|{\"format_version\": 0}|format_version: 0 is not a state format",
    })
    @DisplayName("a corrupted state file is one clear error that names the file")
    void corrupted(String row)
    {
        String[] columns = row.split("\\|", -1);
        StateException error = assertThrows(StateException.class, () -> codec.decode(columns[1], "/work/prod/kiln.state"));
        assertEquals("Corrupted state file", error.diagnostic().summary(), columns[0]);
        assertTrue(error.diagnostic().detail().startsWith("/work/prod/kiln.state "), error.diagnostic().detail());
        assertTrue(error.diagnostic().detail().contains(columns[2]), error.diagnostic().detail());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "address|\"address\": \"node.m1\"|\"address\": \"node..m1\"|resources[1].address: \"node..m1\" is not a resource address",
            "type|\"type\": \"cluster\"|\"type\": \"clusters\"|resources[0].type: does not match the type of cluster.prod",
            "status|\"status\": \"tainted\"|\"status\": \"broken\"|resources[4].status: \"broken\" is not one of ready, tainted",
            "time|\"created\": \"2026-11-21T10:00:00Z\"|\"created\": \"yesterday\"|resources[0].created: \"yesterday\" is not an ISO-8601 UTC time",
            "path step|\"index\": 0|\"index\": -4|resources[0].sensitive_attributes[2][1]: expected",
            "dependency|\"node.m1\"\n|\"node[1]\"\n|resources[0].dependencies[0]: \"node[1]\" is not a resource address",
    })
    @DisplayName("a damaged field is reported with its path in the document")
    void damagedField(String row)
    {
        String[] columns = row.split("\\|", -1);
        String damaged = Golden.read("full.json").replaceFirst(Pattern.quote(columns[1]), Matcher.quoteReplacement(columns[2]));
        StateException error = assertThrows(StateException.class, () -> codec.decode(damaged, "kiln.state"));
        assertTrue(error.diagnostic().detail().contains(columns[3]), error.diagnostic().detail());
    }

    @Test
    @DisplayName("an error in a state never quotes attribute values, which may be secrets")
    void errorsHideValues()
    {
        String damaged = Golden.read("full.json").replace("\"s3cr3t-token\"", "s3cr3t-token");
        StateException error = assertThrows(StateException.class, () -> codec.decode(damaged, "kiln.state"));
        assertFalse(error.getMessage().contains("s3cr3t"), error.getMessage());
        assertTrue(error.diagnostic().detail().contains("line "), error.diagnostic().detail());
    }

    @Test
    @DisplayName("a state from a newer Kiln is refused with the format number and the advice to upgrade")
    void newerFormat()
    {
        String newer = Golden.read("empty.json").replace("\"format_version\": 2", "\"format_version\": 3");
        StateException error = assertThrows(StateException.class, () -> codec.decode(newer, "/srv/kiln.state"));
        assertEquals("Unsupported state format", error.diagnostic().summary());
        assertTrue(error.diagnostic().detail().startsWith("/srv/kiln.state: state was written by a newer Kiln (format 3); upgrade Kiln"),
                error.diagnostic().detail());
    }

    @Test
    @DisplayName("reading an older format runs every migration from its version forward, in order")
    void migrationChain()
    {
        StateMigration renameVersion = migration(1, document -> document.set("kiln_version", document.remove("kiln")));
        StateMigration addOutputs = migration(2, document -> document.putObject("outputs"));
        StateCodec future = new StateCodec(3, List.of(addOutputs, renameVersion));
        String formatOne = """
                {"format_version": 1, "kiln": "0.0.9", "lineage": "3f2a6c1e-8d4b-4a57-9c1e-2b7d5e0f9a13", "serial": 4, "resources": []}
                """;

        State migrated = future.decode(formatOne, "old.state");

        assertEquals("0.0.9", migrated.kilnVersion());
        assertEquals(4, migrated.serial());
        assertTrue(future.encode(migrated).contains("\"format_version\": 3"));
        String formatTwo = formatOne.replace("\"format_version\": 1", "\"format_version\": 2").replace("\"kiln\"", "\"kiln_version\"");
        assertEquals(migrated, future.decode(formatTwo, "old.state"));
    }

    @Test
    @DisplayName("a codec whose migration chain has a gap cannot be built")
    void migrationGap()
    {
        assertThrows(IllegalArgumentException.class, () -> new StateCodec(3, List.of(migration(2, document -> {}))));
    }

    private static StateMigration migration(int from, Consumer<ObjectNode> change)
    {
        return new StateMigration()
        {
            @Override
            public int fromVersion()
            {
                return from;
            }

            @Override
            public ObjectNode migrate(ObjectNode document)
            {
                change.accept(document);
                return document;
            }
        };
    }
}
