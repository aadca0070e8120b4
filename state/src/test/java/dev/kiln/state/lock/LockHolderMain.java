package dev.kiln.state.lock;

import dev.kiln.state.backend.LocalBackend;
import dev.kiln.state.backend.LocalBackendOptions;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Run as a separate process by {@link LocalLockProcessTest}: takes the local state lock in the
 * directory given as its argument, prints {@code locked <id>}, and holds it until killed.
 */
public final class LockHolderMain
{
    private LockHolderMain() {}

    public static void main(String[] arguments)
            throws InterruptedException
    {
        LocalBackend backend = new LocalBackend(LocalBackendOptions.inDirectory(Path.of(arguments[0])));
        LockHandle lock = backend.lock(LockRequest.forThisProcess("apply", "0.1.0"), Duration.ofSeconds(30));
        System.out.println("locked " + lock.id());
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(10));
    }
}
