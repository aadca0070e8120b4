package dev.kiln.providers.kubeadm.steps;

import dev.kiln.executors.walk.ActionContext;
import dev.kiln.providers.kubeadm.remote.Remote;

import java.util.List;

/** Runs steps on a host in order: observe → skip if done → act → verify; progress names the host and step. */
public final class StepRunner
{
    private StepRunner() {}

    /** Runs {@code step}; true when it acted, false when its result was already there. */
    public static boolean run(Remote host, Step step, ActionContext context)
    {
        context.throwIfCancelled();
        if (step.done(host)) {
            context.progress(host.host() + ": " + step.title() + ": already done");
            return false;
        }
        context.progress(host.host() + ": " + step.title());
        step.act(host);
        step.verify(host);
        return true;
    }

    public static void runAll(Remote host, List<? extends Step> steps, ActionContext context)
    {
        for (Step step : steps) {
            run(host, step, context);
        }
    }
}
