package dev.kiln.state.backend.s3;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.state.MalformedDocumentException;
import dev.kiln.state.StateJson;
import dev.kiln.state.lock.LockInfo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The content of the lock object: the holder's {@link LockInfo} fields, plus the lease length
 * and (for people reading the object) when the holder's clock says it runs out. Whether a
 * lease ran out is decided on the server's clock: the object's last change plus the lease,
 * against the time the server answered, so clocks of different machines never disagree.
 */
record LeaseDocument(LockInfo info, Duration lease, Instant expires)
{
    /** Added to every lease, as S3 keeps an object's last change to the second. */
    private static final Duration MARGIN = Duration.ofSeconds(1);

    LeaseDocument
    {
        requireNonNull(info, "info is null");
        requireNonNull(lease, "lease is null");
        requireNonNull(expires, "expires is null");
    }

    static LeaseDocument renewed(LockInfo info, Duration lease, Instant now)
    {
        return new LeaseDocument(info, lease, now.plus(lease));
    }

    byte[] toBytes()
    {
        try {
            ObjectNode object = (ObjectNode) StateJson.parse(info.toJson());
            object.put("lease_seconds", lease.toSeconds());
            object.put("lease_expires", expires.toString());
            return StateJson.pretty(object).getBytes(StandardCharsets.UTF_8);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("lock info did not parse back", e);
        }
    }

    /** The document, or empty when the object is not one (a half-written or foreign object). */
    static Optional<LeaseDocument> parse(byte[] bytes, String source)
    {
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            LockInfo info = LockInfo.parse(text, source);
            JsonNode document = StateJson.parse(text);
            Duration lease = Duration.ofSeconds(document.path("lease_seconds").asLong(S3BackendOptions.DEFAULT_LEASE.toSeconds()));
            Instant expires = Instant.parse(document.path("lease_expires").asText(info.created().plus(lease).toString()));
            return Optional.of(new LeaseDocument(info, lease, expires));
        }
        catch (MalformedDocumentException | JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether a lease last renewed at {@code lastModified} has run out at {@code serverTime}. */
    static boolean expired(Duration lease, Instant lastModified, Instant serverTime)
    {
        return serverTime.isAfter(lastModified.plus(lease).plus(MARGIN));
    }
}
