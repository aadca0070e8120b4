package dev.kiln.bench;

import dev.kiln.executors.apply.ActionLog;
import dev.kiln.executors.apply.ApplyJob;
import dev.kiln.executors.apply.ApplyOptions;
import dev.kiln.executors.apply.ApplyResponse;
import dev.kiln.executors.apply.ApplyResult;
import dev.kiln.executors.apply.ApplyRunner;
import dev.kiln.executors.apply.Driver;
import dev.kiln.executors.hook.WalkHook;
import dev.kiln.executors.walk.WalkControl;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.Config;
import dev.kiln.lang.config.ConfigLoader;
import dev.kiln.lang.config.LoadResult;
import dev.kiln.lang.config.VariableInputs;
import dev.kiln.planner.diff.PlanOptions;
import dev.kiln.planner.diff.PlanRequest;
import dev.kiln.planner.diff.PlanResult;
import dev.kiln.planner.diff.Planner;
import dev.kiln.planner.graph.PlanGraph;
import dev.kiln.planner.plan.Plan;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.providers.Providers;
import dev.kiln.state.State;
import dev.kiln.state.journal.Journal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Apply makespan against its lower bound, and the journal's overhead. Plans a simulator
 * configuration of {@code --instances} instances (groups of a cluster with one control-plane
 * node, and its worker pool of 97 nodes), then applies it in-process through the engine's
 * {@link ApplyRunner} with a driver of fixed latencies (nodes and worker pools
 * {@code --node-ms}, clusters {@code --cluster-ms}), at each
 * parallelism, once with the write-ahead journal and once with the in-memory log. Prints each
 * makespan, the lower bound max(critical path, total work ÷ parallelism), their ratio, and the
 * journal's overhead.
 *
 * <pre>java -cp kiln-bench.jar dev.kiln.bench.ApplyBenchmark [--instances 10000] [--parallelism 10,100] [--node-ms 10] [--cluster-ms 50]</pre>
 */
public final class ApplyBenchmark
{
    record Settings(int instances, List<Integer> parallelisms, Duration node, Duration cluster)
    {
        static Settings parse(String[] args)
        {
            int instances = 10_000;
            List<Integer> parallelisms = List.of(10, 100);
            Duration node = Duration.ofMillis(10);
            Duration cluster = Duration.ofMillis(50);
            for (int index = 0; index + 1 < args.length; index += 2) {
                String value = args[index + 1];
                switch (args[index]) {
                    case "--instances" -> instances = Integer.parseInt(value);
                    case "--parallelism" -> parallelisms = List.of(value.split(",")).stream().map(Integer::parseInt).toList();
                    case "--node-ms" -> node = Duration.ofMillis(Long.parseLong(value));
                    case "--cluster-ms" -> cluster = Duration.ofMillis(Long.parseLong(value));
                    default -> throw new IllegalArgumentException("unknown option " + args[index]
                            + "; options: --instances N --parallelism P,Q --node-ms MS --cluster-ms MS");
                }
            }
            return new Settings(instances, parallelisms, node, cluster);
        }

        Duration latency(String type)
        {
            return type.equals("cluster") ? cluster : node;
        }
    }

    private ApplyBenchmark() {}

    /** One parallelism's measurements. */
    record Measurement(int parallelism, Duration lowerBound, Duration journaled, Duration inMemory)
    {
        double journaledRatio()
        {
            return ratio(journaled, lowerBound);
        }

        double inMemoryRatio()
        {
            return ratio(inMemory, lowerBound);
        }

        double journalOverhead()
        {
            return ratio(journaled, inMemory) - 1;
        }
    }

    /** The plan's size, its total work and critical path, and the measurements. */
    record Result(int actions, Duration totalWork, Duration criticalPath, List<Measurement> measurements) {}

    public static void main(String[] args)
            throws IOException
    {
        Settings settings = Settings.parse(args);
        Path directory = Files.createTempDirectory("kiln-apply-bench");
        Result result = run(settings, directory, System.out);
        System.out.printf("summary: %d actions; %s%n", result.actions(), String.join("; ", result.measurements().stream()
                .map(measurement -> "p=%d %.3f× the bound with the journal, %.3f× in memory, journal overhead %+.1f %%".formatted(
                        measurement.parallelism(), measurement.journaledRatio(), measurement.inMemoryRatio(), 100 * measurement.journalOverhead()))
                .toList()));
    }

    /** Plans the configuration written to {@code directory} and applies it at each parallelism, printing each line as it is measured. */
    static Result run(Settings settings, Path directory, PrintStream out)
            throws IOException
    {
        SimConfigurations.write(directory, settings.instances(), 1_000_000);
        State empty = State.create("bench");
        LoadResult loaded = ConfigLoader.load(directory, VariableInputs.none(), Providers.recordedValues(empty));
        Config config = loaded.config().orElseThrow(() -> new IllegalStateException(loaded.diagnostics().toString()));
        Providers providers = Providers.of(config, directory);
        PlanResult planned = Planner.plan(new PlanRequest(config, empty, providers.resourceTypes(), PlanOptions.DEFAULT.withRefresh(false), providers.refresher()));
        Plan plan = planned.plan().orElseThrow();
        PlanGraph graph = planned.graph().orElseThrow();
        Driver driver = (request, context) -> {
            Thread.sleep(settings.latency(request.change().type()));
            return ApplyResponse.of(KnownValues.known(request.change().after().orElseThrow()));
        };
        Duration work = totalWork(plan, settings);
        Duration criticalPath = criticalPath(plan, graph, settings);
        out.printf("actions: %d, total work %.2f s, critical path %.3f s%n", plan.changes().size(), seconds(work), seconds(criticalPath));
        run(plan, graph, empty, driver, ActionLog.inMemory("warm-up"), settings.parallelisms().getLast());
        List<Measurement> measurements = new ArrayList<>();
        for (int parallelism : settings.parallelisms()) {
            Duration bound = max(criticalPath, work.dividedBy(parallelism));
            Duration journaled;
            try (Journal journal = Journal.open(directory.resolve("journal-" + parallelism), "bench-" + parallelism, Clock.systemUTC())) {
                journaled = run(plan, graph, empty, driver, ActionLog.journal(journal), parallelism);
            }
            Duration inMemory = run(plan, graph, empty, driver, ActionLog.inMemory("bench-" + parallelism), parallelism);
            Measurement measurement = new Measurement(parallelism, bound, journaled, inMemory);
            measurements.add(measurement);
            out.printf("parallelism %d: lower bound %.3f s; journal %.3f s (%.3f× the bound); in memory %.3f s (%.3f×); journal overhead %+.1f %%%n",
                    parallelism, seconds(bound), seconds(journaled), measurement.journaledRatio(), seconds(inMemory), measurement.inMemoryRatio(),
                    100 * measurement.journalOverhead());
        }
        return new Result(plan.changes().size(), work, criticalPath, measurements);
    }

    private static Duration run(Plan plan, PlanGraph graph, State prior, Driver driver, ActionLog log, int parallelism)
            throws IOException
    {
        ApplyJob job = new ApplyJob(plan, graph, prior, (provider, type) -> Optional.of(driver), log, ApplyOptions.defaults().withParallelism(parallelism));
        ApplyResult result = ApplyRunner.apply(job, WalkHook.none(), new WalkControl());
        if (!result.succeeded()) {
            throw new IllegalStateException("the benchmark apply failed: " + result.diagnostics());
        }
        return result.makespan();
    }

    private static Duration totalWork(Plan plan, Settings settings)
    {
        Duration total = Duration.ZERO;
        for (ResourceChange change : plan.changes()) {
            total = total.plus(settings.latency(change.type()));
        }
        return total;
    }

    /** The longest chain of latencies along the plan graph's order edges. */
    private static Duration criticalPath(Plan plan, PlanGraph graph, Settings settings)
    {
        Map<ResourceAddress, ResourceChange> changes = new HashMap<>();
        plan.changes().forEach(change -> changes.put(change.address(), change));
        Map<ResourceAddress, Duration> finish = new HashMap<>();
        Duration longest = Duration.ZERO;
        for (ResourceAddress address : changes.keySet()) {
            longest = max(longest, finish(address, changes, graph, settings, finish));
        }
        return longest;
    }

    private static Duration finish(ResourceAddress address, Map<ResourceAddress, ResourceChange> changes, PlanGraph graph, Settings settings,
            Map<ResourceAddress, Duration> finish)
    {
        Duration known = finish.get(address);
        if (known != null) {
            return known;
        }
        Duration start = Duration.ZERO;
        List<ResourceAddress> predecessors = new ArrayList<>(graph.predecessors(address));
        for (ResourceAddress predecessor : predecessors) {
            if (changes.containsKey(predecessor)) {
                start = max(start, finish(predecessor, changes, graph, settings, finish));
            }
        }
        Duration result = start.plus(settings.latency(changes.get(address).type()));
        finish.put(address, result);
        return result;
    }

    private static Duration max(Duration left, Duration right)
    {
        return left.compareTo(right) >= 0 ? left : right;
    }

    private static double seconds(Duration duration)
    {
        return duration.toNanos() / 1e9;
    }

    private static double ratio(Duration numerator, Duration denominator)
    {
        return (double) numerator.toNanos() / denominator.toNanos();
    }
}
