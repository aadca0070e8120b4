package dev.kiln.state.backend.s3;

import dev.kiln.state.StateException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks once (at {@code kiln init}) that the server honours conditional writes, on a probe
 * object beside the state: a second create with {@code If-None-Match: *} and a replace with
 * a wrong {@code If-Match} must both be refused (412). A server that accepts them (MinIO
 * releases before August 2024 do) would let two runs both "take" the lock.
 */
final class ConditionalWriteProbe
{
    private static final String WRONG_ETAG = "\"00000000000000000000000000000000\"";

    private ConditionalWriteProbe() {}

    static void check(S3Objects objects, String stateKey, String location)
    {
        String probeKey = stateKey + ".probe/" + UUID.randomUUID();
        byte[] content = "Kiln checks that this server honours conditional writes; this object is deleted right away.\n".getBytes(StandardCharsets.UTF_8);
        boolean created = false;
        try {
            Optional<String> first = objects.create(probeKey, content, "writing the conditional-write probe").etag();
            created = first.isPresent() || retriedCreate(objects, probeKey, content);
            if (!created) {
                throw ignored(location, "refused to create a new object with If-None-Match: * (it answered 412 for an object that did not exist)");
            }
            if (objects.create(probeKey, content, "writing the conditional-write probe").etag().isPresent()) {
                throw ignored(location, "accepted a write with If-None-Match: * over an object that already existed (it must answer 412 Precondition Failed)");
            }
            if (objects.replace(probeKey, content, WRONG_ETAG, "writing the conditional-write probe").etag().isPresent()) {
                throw ignored(location, "accepted a write with If-Match naming an ETag the object does not have (it must answer 412 Precondition Failed)");
            }
        }
        finally {
            if (created) {
                objects.delete(probeKey, "deleting the conditional-write probe");
            }
        }
    }

    /**
     * Whether a create answered 412 because the SDK retried it after its first try had
     * succeeded (the response was lost): the key is random, so an object there holding exactly
     * the probe's content is this probe's own.
     */
    private static boolean retriedCreate(S3Objects objects, String probeKey, byte[] content)
    {
        return objects.get(probeKey, "reading the conditional-write probe")
                .map(stored -> Arrays.equals(stored.bytes(), content))
                .orElse(false);
    }

    private static StateException ignored(String location, String what)
    {
        return StateException.error("S3 server ignores conditional writes",
                ("The S3 server of the state at %s %s. Kiln's state lock is an object created with If-None-Match: *, and every state write is "
                        + "guarded with If-Match; on a server that ignores these headers two runs could both take the lock and overwrite each "
                        + "other's state, so Kiln refuses to use it rather than run without a real lock.\n\n"
                        + "Amazon S3 honours conditional writes (since 2024). MinIO releases older than August 2024 ignore them: upgrade MinIO to a "
                        + "current release and run kiln init again. Other S3-compatible servers: check that they support If-None-Match and If-Match on "
                        + "PutObject, or keep the state in a local file (state \"local\").")
                        .formatted(location, what));
    }
}
