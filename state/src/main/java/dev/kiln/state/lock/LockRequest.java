package dev.kiln.state.lock;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static java.util.Objects.requireNonNull;

/** What a command asks for when it takes the state lock: the operation and who runs it. */
public record LockRequest(String operation, String who, long pid, String kilnVersion)
{
    public LockRequest
    {
        requireNonNull(operation, "operation is null");
        requireNonNull(who, "who is null");
        requireNonNull(kilnVersion, "kilnVersion is null");
        if (operation.isBlank()) {
            throw new IllegalArgumentException("operation is blank");
        }
    }

    /** A request from this process: {@code who} is user@host, {@code pid} this process's id. */
    public static LockRequest forThisProcess(String operation, String kilnVersion)
    {
        return new LockRequest(operation, System.getProperty("user.name", "unknown") + "@" + hostName(), ProcessHandle.current().pid(), kilnVersion);
    }

    private static String hostName()
    {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
