package dev.kiln.state.backend.s3;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.state.State;
import dev.kiln.state.StateException;
import dev.kiln.state.backend.Backend;
import dev.kiln.state.backend.HistoryEntry;
import dev.kiln.state.backend.StateSnapshot;
import dev.kiln.state.backend.WriteResult;
import dev.kiln.state.backend.WriteRules;
import dev.kiln.state.backend.s3.S3Objects.StoredObject;
import dev.kiln.state.encryption.DecodedState;
import dev.kiln.state.encryption.KeyUse;
import dev.kiln.state.encryption.SealedStateCodec;
import dev.kiln.state.lock.LockAttempt;
import dev.kiln.state.lock.LockHandle;
import dev.kiln.state.lock.LockRequest;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * The state as an object in S3 or an S3-compatible store (MinIO, Ceph, ...). The lock is a
 * lease object beside it ({@link S3Lease}); every state write is conditional on the ETag this
 * client last read or wrote, so a write over a state that changed under it (a lock broken by
 * force-unlock or a lease takeover) is refused instead of losing the other run's work; every
 * changing write is kept under {@code <key>.history/}. States are sealed with the configured
 * encryption ({@link SealedStateCodec}) before they are uploaded. {@link #checkConditionalWrites()} is
 * the probe {@code kiln init} runs. Nothing here talks to S3 until a method needs it.
 */
public final class S3Backend
        implements Backend, AutoCloseable
{
    private final S3BackendOptions options;
    private final S3Objects objects;
    private final S3Lease lease;
    private final S3History history;
    private final SealedStateCodec codec;
    private final Object seenGuard = new Object();
    /** The state as this client last read or wrote it (null: never), and its ETag; empty when there was none. */
    private Seen seen;

    private record Seen(Optional<String> etag, Optional<DecodedState> state) {}

    public S3Backend(S3BackendOptions options)
    {
        this(options, notice -> {});
    }

    /** {@code notices}: warnings to show the user, such as taking over a lock whose lease ran out. */
    public S3Backend(S3BackendOptions options, Consumer<Diagnostic> notices)
    {
        this.options = requireNonNull(options, "options is null");
        requireNonNull(notices, "notices is null");
        this.objects = new S3Objects(options);
        this.lease = new S3Lease(objects, options.key() + ".lock", options.location(), options.lease(), options.clock(), notices);
        this.history = new S3History(objects, options.key(), options.historyLimit());
        this.codec = new SealedStateCodec(options.encryption());
    }

    public S3BackendOptions options()
    {
        return options;
    }

    @Override
    public String location()
    {
        return options.location();
    }

    @Override
    public Optional<StateSnapshot> read()
    {
        Optional<StoredObject> stored = objects.get(options.key(), "reading the state");
        Optional<DecodedState> decoded = stored.map(object -> decode(object.bytes(), location()));
        remember(new Seen(stored.map(StoredObject::etag), decoded));
        return stored.map(object -> StateSnapshot.of(decoded.orElseThrow().state(), object.bytes()));
    }

    @Override
    public WriteResult write(State state, LockHandle handle)
    {
        requireNonNull(state, "state is null");
        requireHeld(requireNonNull(handle, "handle is null"));
        Seen current = current();
        Optional<DecodedState> decoded = current.state();
        Optional<State> prepared = WriteRules.prepare(decoded.map(DecodedState::state), state, location());
        boolean reseal = decoded.isPresent() && needsResealing(decoded.get());
        if (prepared.isEmpty() && !reseal) {
            remember(current);
            return new WriteResult(decoded.orElseThrow().state(), false);
        }
        State written = prepared.orElseGet(() -> decoded.orElseThrow().state());
        store(written, current.etag(), reseal);
        return new WriteResult(written, true);
    }

    @Override
    public Optional<KeyUse> resealStored(LockHandle handle)
    {
        requireHeld(requireNonNull(handle, "handle is null"));
        Seen current = current();
        Optional<DecodedState> decoded = current.state();
        if (decoded.isEmpty() || !needsResealing(decoded.get())) {
            return Optional.empty();
        }
        store(decoded.get().state(), current.etag(), true);
        return Optional.of(decoded.get().keyUse());
    }

    /** Uploads {@code state} over the version with ETag {@code storedEtag} (none: a first write) and keeps it in the history. */
    private void store(State state, Optional<String> storedEtag, boolean resealHistory)
    {
        byte[] content = codec.encode(state);
        Optional<String> written = storedEtag.isPresent()
                ? objects.replaceState(options.key(), content, storedEtag.get(), "writing the state").etag()
                : objects.createState(options.key(), content, "writing the state").etag();
        if (written.isEmpty()) {
            written = retriedWrite(content);
        }
        remember(new Seen(written, Optional.of(new DecodedState(state, codec.encryption().enabled() ? KeyUse.PRIMARY : KeyUse.PLAINTEXT))));
        history.record(options.key(), written.get(), state.serial(), options.clock().instant());
        if (resealHistory) {
            history.reseal(codec);
        }
    }

    @Override
    public LockAttempt tryLock(LockRequest request)
    {
        return lease.tryLock(requireNonNull(request, "request is null"));
    }

    @Override
    public void unlock(LockHandle handle)
    {
        lease.unlock(requireNonNull(handle, "handle is null"));
    }

    @Override
    public void forceUnlock(String lockId)
    {
        lease.forceUnlock(requireNonNull(lockId, "lockId is null"));
    }

    @Override
    public List<HistoryEntry> history()
    {
        return history.list();
    }

    @Override
    public Optional<StateSnapshot> readHistory(String id)
    {
        return history.key(requireNonNull(id, "id is null"))
                .flatMap(key -> objects.get(key, "reading a history version")
                        .map(object -> StateSnapshot.of(decode(object.bytes(), "s3://" + options.bucket() + "/" + key).state(), object.bytes())));
    }

    /**
     * Refuses a server that ignores conditional writes, with an error that says why and how to
     * upgrade: Kiln never runs against one without a real lock.
     */
    public void checkConditionalWrites()
    {
        ConditionalWriteProbe.check(objects, options.key(), location());
    }

    /** Stops renewing the leases this client holds and closes its connections. */
    @Override
    public void close()
    {
        lease.stopAll();
        objects.close();
    }

    /**
     * The ETag of the state if it holds exactly {@code content}: the SDK retried a write whose
     * first try had succeeded, and the retry's condition failed on the write itself. Anything
     * else wrote the state under this run.
     */
    private Optional<String> retriedWrite(byte[] content)
    {
        Optional<StoredObject> now = objects.get(options.key(), "reading the state");
        if (now.isPresent() && Arrays.equals(now.get().bytes(), content)) {
            return Optional.of(now.get().etag());
        }
        throw changedUnderYou();
    }

    private void requireHeld(LockHandle handle)
    {
        if (!lease.isHeldBy(handle)) {
            throw StateException.error("State not locked",
                    "Writing %s requires holding its lock, and lock ID \"%s\" is not the lock held now (it was released, force-unlocked, or taken over after its lease ran out)."
                            .formatted(location(), handle.id()));
        }
    }

    private boolean needsResealing(DecodedState stored)
    {
        return stored.keyUse().needsResealing(codec.encryption().enabled());
    }

    /**
     * The stored state and its ETag. When this client read or wrote it before, a HEAD request
     * confirms that it is unchanged (and it is not downloaded again); a different ETag means
     * another run wrote it since: "state changed under you".
     */
    private Seen current()
    {
        Seen last;
        synchronized (seenGuard) {
            last = seen;
        }
        if (last != null) {
            if (!objects.etag(options.key(), "checking the state").equals(last.etag())) {
                throw changedUnderYou();
            }
            return last;
        }
        Optional<StoredObject> stored = objects.get(options.key(), "reading the state");
        return new Seen(stored.map(StoredObject::etag), stored.map(object -> decode(object.bytes(), location())));
    }

    private void remember(Seen current)
    {
        synchronized (seenGuard) {
            seen = current;
        }
    }

    private StateException changedUnderYou()
    {
        return StateException.error("State changed under you",
                ("The state at %s was written by another run after this run read it: the lock was force-unlocked or taken over while this "
                        + "run was stalled, or the state was read before the lock was taken. Kiln did not overwrite the other run's state. Nothing "
                        + "this run did is lost: it is in the journal (.kiln/journal), which the next run here folds into the state; run kiln plan "
                        + "to see where things stand.")
                        .formatted(location()));
    }

    private DecodedState decode(byte[] bytes, String source)
    {
        return codec.decode(bytes, source);
    }
}
