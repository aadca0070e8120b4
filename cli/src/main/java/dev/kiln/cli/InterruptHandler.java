package dev.kiln.cli;

import dev.kiln.executors.walk.WalkControl;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.PrintStream;

/**
 * Ctrl-C during an apply or destroy: the first stops starting new actions and lets running
 * ones finish, then the state is saved; the second cancels the running actions, and the
 * state is still saved. Installed only while an apply runs; the previous handler is restored.
 */
final class InterruptHandler
        implements AutoCloseable
{
    private static final Signal INTERRUPT = new Signal("INT");

    private final SignalHandler previous;

    private InterruptHandler(SignalHandler previous)
    {
        this.previous = previous;
    }

    static InterruptHandler install(WalkControl control, PrintStream err)
    {
        SignalHandler handler = signal -> {
            WalkControl.Request request = control.interrupt();
            if (request == WalkControl.Request.STOP) {
                err.println("\nInterrupt received. Waiting for running actions to finish; no new action starts. Press Ctrl-C again to cancel them.");
            }
            else {
                err.println("\nTwo interrupts received. Cancelling running actions; the state is still saved.");
            }
            err.flush();
        };
        return new InterruptHandler(Signal.handle(INTERRUPT, handler));
    }

    @Override
    public void close()
    {
        Signal.handle(INTERRUPT, previous);
    }
}
