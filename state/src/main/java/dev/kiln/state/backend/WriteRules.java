package dev.kiln.state.backend;

import dev.kiln.state.State;
import dev.kiln.state.StateException;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The rules every backend applies to a write, given what it stores now: a state of another
 * lineage is refused, an older serial is refused (someone wrote after this state was read),
 * unchanged content is not written again, and changed content gets the next serial.
 */
public final class WriteRules
{
    private WriteRules() {}

    /** The state to store, or empty when {@code incoming} records what is stored already. */
    public static Optional<State> prepare(Optional<State> stored, State incoming, String location)
    {
        requireNonNull(stored, "stored is null");
        requireNonNull(incoming, "incoming is null");
        requireNonNull(location, "location is null");
        if (stored.isEmpty()) {
            return Optional.of(incoming.withSerial(Math.max(1, incoming.serial())));
        }
        State current = stored.get();
        if (!current.lineage().equals(incoming.lineage())) {
            throw StateException.error("State lineage mismatch",
                    ("The state to write has lineage %s, but %s holds a different state (lineage %s). Kiln never replaces one state "
                            + "with another; check that the backend configuration points at the right state.")
                            .formatted(incoming.lineage(), location, current.lineage()));
        }
        if (incoming.serial() < current.serial()) {
            throw StateException.error("Stale state",
                    ("The state to write has serial %d, but %s is at serial %d: it was written after this state was read. "
                            + "Read the state again and redo the change.")
                            .formatted(incoming.serial(), location, current.serial()));
        }
        if (incoming.sameContent(current)) {
            return Optional.empty();
        }
        return Optional.of(incoming.withSerial(Math.max(incoming.serial(), current.serial() + 1)));
    }
}
