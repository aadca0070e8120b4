package dev.kiln.state.backend;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.state.AtomicFiles;
import dev.kiln.state.ResourceInstance;
import dev.kiln.state.State;
import dev.kiln.state.StateCodec;
import dev.kiln.state.StateException;
import dev.kiln.state.StateJson;
import dev.kiln.state.TestStates;
import dev.kiln.state.lock.LockHandle;
import dev.kiln.state.lock.LockInfo;
import dev.kiln.state.lock.LockRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

final class LocalBackendTest
{
    private static final LockRequest APPLY = new LockRequest("apply", "alice@ci-runner-1", 4242, "0.1.0");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;

    @Test
    @DisplayName("the state is kiln.state in the working directory, private to its owner, with no temporary files left")
    void stateFile()
            throws Exception
    {
        LocalBackend backend = backend(LocalBackendOptions.inDirectory(directory));
        State written = write(backend, TestStates.full());

        Path stateFile = directory.resolve("kiln.state");
        assertEquals(StateCodec.standard().encode(written), Files.readString(stateFile));
        assertEquals(List.of(".kiln", "kiln.state"), names(directory));
        assumeTrue(AtomicFiles.isPosix());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stateFile)));
    }

    @Test
    @DisplayName("a configured path puts the state there, relative to the working directory, with its backup beside it, private, and still locked")
    void configuredPath()
            throws Exception
    {
        LocalBackend backend = backend(LocalBackendOptions.inDirectory(directory, "states/prod.kiln.state"));
        State first = write(backend, TestStates.empty());
        write(backend, first.withResource(ResourceInstance.created(ResourceAddress.of("node", "m1"), "sim", StateJson.object(), TestStates.CREATED)));

        Path stateFile = directory.resolve("states/prod.kiln.state");
        assertEquals(stateFile.toString(), backend.location());
        assertEquals(stateFile.resolveSibling("prod.kiln.state.backup"), backend.backupFile());
        assertEquals(List.of("prod.kiln.state", "prod.kiln.state.backup"), names(directory.resolve("states")));
        assertEquals(List.of(".kiln", "states"), names(directory));
        assertEquals(1, backend.read().orElseThrow().state().resources().size());

        LockHandle held = backend.lock(APPLY, Duration.ZERO);
        try {
            assertThrows(StateException.class, () -> backend(LocalBackendOptions.inDirectory(directory, "states/prod.kiln.state")).lock(APPLY, Duration.ZERO));
        }
        finally {
            backend.unlock(held);
        }
        assumeTrue(AtomicFiles.isPosix());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stateFile)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backend.backupFile())));
    }

    @Test
    @DisplayName("each write replaces the file by rename, never in place, and keeps the previous version as kiln.state.backup")
    void replacedNotTruncated()
            throws Exception
    {
        assumeTrue(AtomicFiles.isPosix());
        LocalBackend backend = backend(LocalBackendOptions.inDirectory(directory));
        Path stateFile = directory.resolve("kiln.state");
        State first = write(backend, TestStates.empty());
        String firstText = Files.readString(stateFile);
        Object firstInode = Files.getAttribute(stateFile, "unix:ino");

        State second = write(backend, first.withResource(ResourceInstance.created(ResourceAddress.of("node", "m1"), "sim", StateJson.object(), TestStates.CREATED)));

        assertNotEquals(firstInode, Files.getAttribute(stateFile, "unix:ino"));
        assertEquals(firstText, Files.readString(backend.backupFile()));
        assertEquals(StateCodec.standard().encode(second), Files.readString(stateFile));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backend.backupFile())));
        assertEquals(List.of(".kiln", "kiln.state", "kiln.state.backup"), names(directory));
    }

    @Test
    @DisplayName("temporary files of a write that was killed midway are removed by the next write")
    void leftoverTemporaries()
            throws Exception
    {
        Files.writeString(directory.resolve(".kiln.state.123456.tmp"), "{\"format_version\": 1, \"lin");
        Files.writeString(directory.resolve(".kiln.state.backup.99.tmp"), "");
        Files.writeString(directory.resolve(".other.tmp"), "not ours");
        write(backend(LocalBackendOptions.inDirectory(directory)), TestStates.empty());
        assertEquals(List.of(".kiln", ".other.tmp", "kiln.state"), names(directory));
    }

    @Test
    @DisplayName("the history keeps only the configured number of newest versions")
    void historyBounded()
    {
        LocalBackend backend = backend(LocalBackendOptions.inDirectory(directory).withHistoryLimit(3));
        State state = State.create("0.1.0");
        for (int i = 0; i < 6; i++) {
            state = write(backend, state.withResource(ResourceInstance.created(ResourceAddress.of("node", "n" + i), "sim", StateJson.object(), TestStates.CREATED)));
        }
        assertEquals(List.of(6L, 5L, 4L), backend.history().stream().map(HistoryEntry::serial).toList());
        assertTrue(backend.history().stream().allMatch(entry -> entry.written().equals(CLOCK.instant())));
        assertEquals(3, names(directory.resolve(".kiln/history")).size());
    }

    @Test
    @DisplayName("a history id cannot name a file outside the history")
    void historyIdsConfined()
    {
        LocalBackend backend = backend(LocalBackendOptions.inDirectory(directory));
        write(backend, TestStates.empty());
        assertEquals(Optional.empty(), backend.readHistory("../../kiln.state"));
        assertEquals(Optional.empty(), backend.readHistory("kiln.state.1.0/../../kiln.state"));
    }

    @Test
    @DisplayName("the state file path is configurable; lock and history are named after it")
    void configurablePath()
    {
        Path stateFile = directory.resolve("environments").resolve("prod.state");
        LocalBackend backend = backend(LocalBackendOptions.inDirectory(directory).withStateFile(stateFile));
        LockHandle lock = backend.lock(APPLY, Duration.ZERO);
        backend.write(TestStates.empty(), lock);

        assertTrue(Files.isRegularFile(stateFile));
        assertTrue(Files.isRegularFile(directory.resolve(".kiln/prod.state.lock")));
        assertTrue(Files.isRegularFile(directory.resolve(".kiln/prod.state.lock.info")));
        assertEquals("prod.state.1.", backend.history().get(0).id().substring(0, "prod.state.1.".length()));
        backend.unlock(lock);
        assertFalse(Files.exists(directory.resolve(".kiln/prod.state.lock.info")), "the info file goes with the lock");
        assertTrue(Files.exists(directory.resolve(".kiln/prod.state.lock")), "the lock file stays, so every process locks the same file");
    }

    @Test
    @DisplayName("the lock info file names the holder as JSON and is private to its owner")
    void lockInfoFile()
            throws Exception
    {
        LocalBackend backend = backend(LocalBackendOptions.inDirectory(directory));
        LockHandle lock = backend.lock(APPLY, Duration.ZERO);
        Path info = directory.resolve(".kiln/kiln.state.lock.info");

        assertEquals(lock.info(), LockInfo.parse(Files.readString(info), info.toString()));
        assertEquals(CLOCK.instant(), lock.info().created());
        assertTrue(Files.readString(info).contains("\"operation\": \"apply\""));
        if (AtomicFiles.isPosix()) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(info)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve(".kiln/kiln.state.lock"))));
        }
        backend.unlock(lock);
    }

    @Test
    @DisplayName("a corrupted state file is an error naming the file, not a stack trace")
    void corruptedFile()
            throws Exception
    {
        Files.writeString(directory.resolve("kiln.state"), "{\"format_version\": 1, \"lineage\": ");
        LocalBackend backend = backend(LocalBackendOptions.inDirectory(directory));
        StateException error = assertThrows(StateException.class, backend::read);
        assertEquals("Corrupted state file", error.diagnostic().summary());
        assertTrue(error.diagnostic().detail().startsWith(directory.resolve("kiln.state").toString()), error.diagnostic().detail());

        Files.write(directory.resolve("kiln.state"), new byte[] {'{', (byte) 0xC3, '}'});
        assertTrue(assertThrows(StateException.class, backend::read).diagnostic().detail().contains("is not UTF-8"));
    }

    @Test
    @DisplayName("a stale lock info file left by a dead process does not block the next lock")
    void staleInfoFile()
            throws Exception
    {
        Files.createDirectories(directory.resolve(".kiln"));
        Files.writeString(directory.resolve(".kiln/kiln.state.lock.info"), "{\"id\": \"left-over\"}", StandardCharsets.UTF_8);
        LocalBackend backend = backend(LocalBackendOptions.inDirectory(directory));
        LockHandle lock = backend.lock(APPLY, Duration.ZERO);
        assertEquals(lock.info(), LockInfo.parse(Files.readString(directory.resolve(".kiln/kiln.state.lock.info")), "info"));
        backend.unlock(lock);
    }

    private static LocalBackend backend(LocalBackendOptions options)
    {
        return new LocalBackend(options.withClock(CLOCK));
    }

    private static State write(Backend backend, State state)
    {
        LockHandle lock = backend.lock(APPLY, Duration.ZERO);
        try {
            return backend.write(state, lock).state();
        }
        finally {
            backend.unlock(lock);
        }
    }

    private static List<String> names(Path directory)
    {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
