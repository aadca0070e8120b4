package dev.kiln.state.backend.s3;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Severity;
import dev.kiln.state.StateException;
import dev.kiln.state.backend.s3.S3Objects.StoredObject;
import dev.kiln.state.lock.LockAttempt;
import dev.kiln.state.lock.LockHandle;
import dev.kiln.state.lock.LockInfo;
import dev.kiln.state.lock.LockRequest;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The state lock in S3: an object {@code <key>.lock} created with {@code If-None-Match: *}
 * (exactly one creator wins), holding a {@link LeaseDocument}. The holder renews the lease
 * ({@link LeaseRenewal}); a lease that ran out means its holder died, and the next run takes
 * the lock over with a conditional overwrite ({@code If-Match} on the object's ETag), saying
 * whose lock it took. Unlocking deletes the object.
 */
final class S3Lease
{
    private static final int CREATE_ATTEMPTS = 3;

    private final S3Objects objects;
    private final String lockKey;
    private final String location;
    private final Duration lease;
    private final Clock clock;
    private final Consumer<Diagnostic> notices;
    private final Map<UUID, LeaseRenewal> renewals = new ConcurrentHashMap<>();

    S3Lease(S3Objects objects, String lockKey, String location, Duration lease, Clock clock, Consumer<Diagnostic> notices)
    {
        this.objects = objects;
        this.lockKey = lockKey;
        this.location = location;
        this.lease = lease;
        this.clock = clock;
        this.notices = notices;
    }

    String lockKey()
    {
        return lockKey;
    }

    LockAttempt tryLock(LockRequest request)
    {
        LockInfo info = LockInfo.grant(request, clock.instant());
        for (int attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
            Optional<String> created = objects.create(lockKey, document(info), "creating the lock object").etag();
            if (created.isPresent()) {
                return acquired(info, created.get());
            }
            Optional<StoredObject> existing = objects.get(lockKey, "reading the lock object");
            if (existing.isEmpty()) {
                // Released between the two requests: try to create it again.
                continue;
            }
            if (ours(existing.get(), info)) {
                // The SDK retried a create whose first try had succeeded: the lock is this run's.
                return acquired(info, existing.get().etag());
            }
            return takeOverIfExpired(info, existing.get());
        }
        return new LockAttempt.Held(Optional.empty());
    }

    /** Whether {@code handle} is the lock stored now and this process has not lost its lease. */
    boolean isHeldBy(LockHandle handle)
    {
        LeaseRenewal renewal = renewals.get(handle.id());
        if (renewal != null && renewal.lost()) {
            return false;
        }
        return holder().map(document -> document.info().id().equals(handle.id())).orElse(false);
    }

    /** Releases the lock; renewing stops first in any case, so a lock that cannot be deleted (S3 unreachable) runs out on its own. */
    void unlock(LockHandle handle)
    {
        stopRenewal(handle.id());
        Optional<LeaseDocument> holder = holder();
        if (holder.isEmpty() || !holder.get().info().id().equals(handle.id())) {
            throw StateException.error("Failed to unlock the state",
                    "Lock ID \"%s\" is not the lock held on %s now%s".formatted(handle.id(), location,
                            holder.map(document -> ".\n\n" + document.info().describe()).orElse(": the state is not locked.")));
        }
        objects.delete(lockKey, "deleting the lock object");
    }

    void forceUnlock(String lockId)
    {
        Optional<LeaseDocument> holder = holder();
        if (holder.isEmpty()) {
            throw StateException.error("Failed to unlock the state", "The state at %s is not locked (lock ID \"%s\").".formatted(location, lockId));
        }
        if (!holder.get().info().id().toString().equals(lockId)) {
            throw StateException.error("Failed to unlock the state", "Lock ID \"%s\" does not match the held lock.\n\n%s"
                    .formatted(lockId, holder.get().info().describe()));
        }
        stopRenewal(holder.get().info().id());
        objects.delete(lockKey, "deleting the lock object");
    }

    /** Stops renewing every lease this process holds (the leases then run out on their own). */
    void stopAll()
    {
        renewals.values().forEach(LeaseRenewal::stop);
        renewals.clear();
    }

    /** Whether the stored lock object is the one this run wrote for {@code info} (ids are random UUIDs, never reused). */
    static boolean ours(StoredObject object, LockInfo info)
    {
        return LeaseDocument.parse(object.bytes(), "lock").map(document -> document.info().id().equals(info.id())).orElse(false);
    }

    private Optional<LeaseDocument> holder()
    {
        return objects.get(lockKey, "reading the lock object").flatMap(object -> LeaseDocument.parse(object.bytes(), lockKey));
    }

    private LockAttempt takeOverIfExpired(LockInfo info, StoredObject existing)
    {
        Optional<LeaseDocument> holder = LeaseDocument.parse(existing.bytes(), lockKey);
        Duration holderLease = holder.map(LeaseDocument::lease).orElse(lease);
        if (!LeaseDocument.expired(holderLease, existing.lastModified(), existing.serverTime())) {
            return new LockAttempt.Held(holder.map(LeaseDocument::info));
        }
        objects.replace(lockKey, document(info), existing.etag(), "taking over the expired lock");
        // Read back either way: a retried overwrite whose first try succeeded fails its condition,
        // and a server whose If-Match is not atomic may let two runs overwrite the same expired
        // lock. Only the run whose document stayed proceeds.
        Optional<StoredObject> now = objects.get(lockKey, "reading the lock object");
        if (now.isEmpty() || !ours(now.get(), info)) {
            return new LockAttempt.Held(now.flatMap(object -> LeaseDocument.parse(object.bytes(), lockKey)).map(LeaseDocument::info));
        }
        notices.accept(tookOver(holder, existing));
        return acquired(info, now.get().etag());
    }

    private LockAttempt acquired(LockInfo info, String etag)
    {
        LeaseRenewal renewal = LeaseRenewal.start(objects, lockKey, info, etag, lease, clock);
        renewals.put(info.id(), renewal);
        return new LockAttempt.Acquired(new LockHandle(info));
    }

    private void stopRenewal(UUID id)
    {
        LeaseRenewal renewal = renewals.remove(id);
        if (renewal != null) {
            renewal.stop();
        }
    }

    private byte[] document(LockInfo info)
    {
        return LeaseDocument.renewed(info, lease, clock.instant()).toBytes();
    }

    private Diagnostic tookOver(Optional<LeaseDocument> holder, StoredObject existing)
    {
        String who = holder.map(document -> document.info().describe())
                .orElse("Lock Info: unreadable (the lock object was not a Kiln lock document)");
        return new Diagnostic(Severity.WARNING, "Took over an expired state lock",
                ("The state at %s was locked, but its holder stopped renewing its lease (last renewed %s, by the server's clock): that run "
                        + "was killed, crashed or lost its connection. Kiln took the lock over.\n\n%s\n\n"
                        + "Anything that run did after it last saved the state is recorded only in its own journal (.kiln/journal on its machine): "
                        + "run a plan or apply there too, or let this run's refresh find it.")
                        .formatted(location, existing.lastModified(), who),
                Optional.empty(), Optional.empty());
    }
}
