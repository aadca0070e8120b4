package dev.kiln.providers.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A backup point on a node that Kiln cannot reach is refused with a reason, before any connection is tried. */
class BackupNodesTest
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no configuration to reach the node with | /srv/backups | lives on a node, and Kiln has no configuration here",
            "a relative directory                    | srv/backups  | is an absolute path, not srv/backups"})
    @DisplayName("A point on a node without a configuration or with a relative path is refused, naming the point")
    void refused(String name, String path, String reason)
            throws Exception
    {
        JsonNode attributes = MAPPER.createObjectNode().set("fs", MAPPER.createObjectNode()
                .put("path", path)
                .set("node", MAPPER.createObjectNode().put("address", "10.0.0.50")));
        IOException refused = assertThrows(IOException.class, () -> BackupPoints.open("backup_point.vault", attributes, directory, false));
        assertTrue(refused.getMessage().startsWith("backup_point.vault"), refused.getMessage());
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }
}
