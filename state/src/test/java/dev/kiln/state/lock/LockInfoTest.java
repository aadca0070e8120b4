package dev.kiln.state.lock;

import dev.kiln.state.MalformedDocumentException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class LockInfoTest
{
    private static final LockInfo INFO = new LockInfo(UUID.fromString("0b7f64c2-1c3e-4d5a-9e2f-6a8b7c9d0e1f"), "apply", "alice@ci-runner-1", 4242, "0.1.0",
            Instant.parse("2026-11-21T12:00:00Z"));

    @Test
    @DisplayName("lock info is canonical JSON with every field, and reads back equal")
    void json()
            throws Exception
    {
        assertEquals("""
                {
                  "created": "2026-11-21T12:00:00Z",
                  "id": "0b7f64c2-1c3e-4d5a-9e2f-6a8b7c9d0e1f",
                  "kiln_version": "0.1.0",
                  "operation": "apply",
                  "pid": 4242,
                  "who": "alice@ci-runner-1"
                }
                """, INFO.toJson());
        assertEquals(INFO, LockInfo.parse(INFO.toJson(), "kiln.state.lock.info"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[]", "{\"id\": \"0b7f64c2-1c3e-4d5a-9e2f-6a8b7c9d0e1f\"}", "{\"id\": 3}"})
    @DisplayName("damaged lock info is a malformed-document error, never a crash")
    void damaged(String text)
    {
        assertThrows(MalformedDocumentException.class, () -> LockInfo.parse(text, "kiln.state.lock.info"));
    }

    @Test
    @DisplayName("the lock info block names id, operation, who, pid, version and since when")
    void describe()
    {
        assertEquals("""
                Lock Info:
                  ID:        0b7f64c2-1c3e-4d5a-9e2f-6a8b7c9d0e1f
                  Operation: apply
                  Who:       alice@ci-runner-1
                  PID:       4242
                  Version:   0.1.0
                  Created:   2026-11-21T12:00:00Z""", INFO.describe());
    }

    @Test
    @DisplayName("a request from this process names user@host and this process's id")
    void thisProcess()
    {
        LockRequest request = LockRequest.forThisProcess("destroy", "0.1.0");
        assertEquals(ProcessHandle.current().pid(), request.pid());
        assertTrue(request.who().startsWith(System.getProperty("user.name") + "@"), request.who());
        assertEquals("destroy", request.operation());
    }
}
