package dev.kiln.providers.sim;

import dev.kiln.executors.walk.ActionContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Decides which simulated actions fail or hang. A subject is a resource address
 * ({@code node.w[1]}, {@code cluster.prod.pool["a"]}), a part of one ({@code cluster.prod.control_plane})
 * or a step ({@code cluster.prod:join}); every subject listed in {@code fail} fails each
 * time it is reached, in {@code hang} never finishes until cancelled. {@code failure_rate}
 * fails an action with that probability, decided by a hash of the seed and the address, so
 * a rerun fails exactly the same actions.
 */
final class FailureInjection
{
    private final SimSettings settings;
    private final SimulatedTime time;

    FailureInjection(SimSettings settings, SimulatedTime time)
    {
        this.settings = settings;
        this.time = time;
    }

    /** Called when an action starts: the failure rate applies here, before anything changes. */
    void start(String address, ActionContext context)
            throws SimulatedFailureException
    {
        at(List.of(address), "", context);
        if (settings.failureRate() > 0 && draw(address) < settings.failureRate()) {
            throw new SimulatedFailureException("simulated failure of " + address + " (failure_rate " + settings.failureRate() + ", seed " + settings.seed() + ")");
        }
    }

    /** Called when an action reaches a part or step: fails or hangs when one of {@code subjects} is listed. */
    void at(List<String> subjects, String step, ActionContext context)
            throws SimulatedFailureException
    {
        for (String subject : subjects) {
            List<String> names = step.isEmpty() ? List.of(subject) : List.of(subject, subject + ":" + step);
            for (String name : names) {
                if (settings.hang().contains(name)) {
                    context.progress("hanging at " + name + " (hang injected by provider sim)");
                    time.hang(context);
                }
                if (settings.fail().contains(name)) {
                    throw new SimulatedFailureException("simulated failure at " + name + " (listed in the sim provider's fail)");
                }
            }
        }
    }

    /** A number in [0, 1) fixed by the seed and the address. */
    double draw(String address)
    {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((settings.seed() + "\n" + address).getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int index = 0; index < 7; index++) {
                bits = (bits << 8) | (digest[index] & 0xff);
            }
            return (double) bits / (double) (1L << 56);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
