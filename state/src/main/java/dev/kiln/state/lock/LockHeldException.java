package dev.kiln.state.lock;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.state.StateException;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** The state lock is held by another run; the diagnostic names the holder. */
public final class LockHeldException
        extends StateException
{
    private final Optional<LockInfo> holder;
    private final int attempts;

    public LockHeldException(String location, Optional<LockInfo> holder, Duration waited, int attempts)
    {
        super(Diagnostic.errorWithoutSource("Error acquiring the state lock", detail(location, holder, waited, attempts)));
        this.holder = holder;
        this.attempts = attempts;
    }

    public Optional<LockInfo> holder()
    {
        return holder;
    }

    /** How many times the lock was tried before giving up. */
    public int attempts()
    {
        return attempts;
    }

    private static String detail(String location, Optional<LockInfo> holder, Duration waited, int attempts)
    {
        StringBuilder detail = new StringBuilder("The state at ").append(location).append(" is locked by another run");
        if (!waited.isZero()) {
            detail.append("; gave up after waiting ").append(waited.toString().substring(2).toLowerCase(Locale.ROOT))
                    .append(" (").append(attempts).append(" attempts)");
        }
        detail.append(".\n\n");
        detail.append(holder.map(LockInfo::describe).orElse("Lock Info: unavailable (the holder has not written it yet, or it was lost)"));
        detail.append("\n\nKiln locks the state so that only one command writes it at a time. Wait for that run to finish "
                + "and try again, or pass -lock-timeout=DURATION to wait for it.");
        holder.ifPresent(info -> detail.append(" If that run is gone and its lock stayed, release it with: kiln force-unlock ")
                .append(info.id()));
        return detail.toString();
    }
}
