package dev.kiln.state.backend.s3;

import dev.kiln.state.StateException;
import dev.kiln.state.lock.LockInfo;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps one lease alive: a virtual thread that rewrites the lock object every third of the
 * lease, conditionally on the ETag it last wrote. When the condition fails the lock was taken
 * (force-unlocked, or taken over after the lease ran out while this process was stalled) and
 * the lease is lost: writes with it are refused. A failed request is tried again next time.
 */
final class LeaseRenewal
{
    private final S3Objects objects;
    private final String lockKey;
    private final LockInfo info;
    private final Duration lease;
    private final Clock clock;
    private final ReentrantLock guard = new ReentrantLock();
    private final Condition stopped = guard.newCondition();
    private String etag;
    private boolean lost;
    private boolean stopping;
    private Thread thread;

    private LeaseRenewal(S3Objects objects, String lockKey, LockInfo info, String etag, Duration lease, Clock clock)
    {
        this.objects = objects;
        this.lockKey = lockKey;
        this.info = info;
        this.etag = etag;
        this.lease = lease;
        this.clock = clock;
    }

    static LeaseRenewal start(S3Objects objects, String lockKey, LockInfo info, String etag, Duration lease, Clock clock)
    {
        LeaseRenewal renewal = new LeaseRenewal(objects, lockKey, info, etag, lease, clock);
        renewal.thread = Thread.ofVirtual().name("kiln-lease-renewal-" + info.id()).start(renewal::run);
        return renewal;
    }

    boolean lost()
    {
        guard.lock();
        try {
            return lost;
        }
        finally {
            guard.unlock();
        }
    }

    void stop()
    {
        guard.lock();
        try {
            stopping = true;
            stopped.signalAll();
        }
        finally {
            guard.unlock();
        }
        try {
            thread.join(Duration.ofSeconds(5));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run()
    {
        Duration period = lease.dividedBy(3);
        while (waitFor(period)) {
            try {
                renew();
            }
            catch (StateException e) {
                // The server is unreachable for now; the next round tries again before the lease runs out.
            }
        }
    }

    private void renew()
    {
        guard.lock();
        try {
            if (stopping || lost) {
                return;
            }
            Optional<String> renewed = objects.replace(lockKey, LeaseDocument.renewed(info, lease, clock.instant()).toBytes(), etag, "renewing the lock lease").etag();
            if (renewed.isEmpty()) {
                // A retried request whose first try succeeded fails its condition too: the object then still names this lock.
                Optional<String> stillOurs = objects.get(lockKey, "reading the lock object")
                        .filter(object -> S3Lease.ours(object, info))
                        .map(S3Objects.StoredObject::etag);
                if (stillOurs.isEmpty()) {
                    lost = true;
                    stopping = true;
                    return;
                }
                renewed = stillOurs;
            }
            etag = renewed.get();
        }
        finally {
            guard.unlock();
        }
    }

    /** Waits one period; false when stopped. */
    private boolean waitFor(Duration period)
    {
        guard.lock();
        try {
            long remaining = period.toNanos();
            while (!stopping && remaining > 0) {
                remaining = stopped.awaitNanos(remaining);
            }
            return !stopping;
        }
        catch (InterruptedException e) {
            return false;
        }
        finally {
            guard.unlock();
        }
    }
}
