package dev.kiln.cli;

import dev.kiln.executors.apply.ApplyOptions;
import picocli.CommandLine.Option;

/** How apply and destroy run: {@code -auto-approve}, {@code -parallelism}, {@code -fail-fast}. */
final class ApplyFlags
{
    @Option(names = {"-auto-approve", "--auto-approve"}, description = "Apply without asking for confirmation.")
    boolean autoApprove;

    @Option(names = {"-parallelism", "--parallelism"}, paramLabel = "N",
            description = "Run at most N actions at once (default 10, or the kiln block's parallelism).")
    Integer parallelism;

    @Option(names = {"-fail-fast", "--fail-fast"}, description = "Start no new action after the first failure.")
    boolean failFast;

    ApplyOptions options(int configured)
    {
        return ApplyOptions.defaults().withParallelism(parallelism != null ? parallelism : configured).withFailFast(failFast);
    }
}
