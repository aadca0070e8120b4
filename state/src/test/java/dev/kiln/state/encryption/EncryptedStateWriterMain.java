package dev.kiln.state.encryption;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.state.ResourceInstance;
import dev.kiln.state.State;
import dev.kiln.state.StateJson;
import dev.kiln.state.TestStates;
import dev.kiln.state.backend.LocalBackend;
import dev.kiln.state.backend.LocalBackendOptions;
import dev.kiln.state.lock.LockHandle;
import dev.kiln.state.lock.LockRequest;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Run as a separate process by {@link EncryptedStateCrashTest}: writes ever larger sealed
 * states to the directory named by its argument as fast as it can, printing each serial once
 * its write returned, until it is killed.
 */
public final class EncryptedStateWriterMain
{
    private EncryptedStateWriterMain() {}

    public static void main(String[] arguments)
    {
        LocalBackend backend = new LocalBackend(LocalBackendOptions.inDirectory(Path.of(arguments[0])).withEncryption(TestKeys.encryption(TestKeys.NEW_PASSPHRASE)));
        LockHandle lock = backend.lock(new LockRequest("apply", "crash@test", ProcessHandle.current().pid(), "0.1.0"), Duration.ofSeconds(10));
        State state = TestStates.full();
        for (int i = 0; i < 1_000_000; i++) {
            state = state.withResource(ResourceInstance.created(ResourceAddress.of("node", "n" + i), "sim", StateJson.object().put("index", i), TestStates.CREATED));
            state = backend.write(state, lock).state();
            System.out.println(state.serial());
        }
    }
}
