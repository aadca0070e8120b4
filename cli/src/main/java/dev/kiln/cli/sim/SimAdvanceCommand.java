package dev.kiln.cli.sim;

import dev.kiln.cli.Invocation;
import dev.kiln.providers.backup.BackupRecord;
import dev.kiln.providers.backup.SimSchedules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code kiln sim advance [DURATION]}: moves the simulated clock on and runs the scheduled backups that came due. */
@Command(name = "advance", description = "Move the simulated datacenter's clock on by DURATION (30s, 10m, 6h, 2d; default 0s) "
        + "and run the clusters' scheduled backups that came due, as the simulator does whenever Kiln opens it.")
final class SimAdvanceCommand
        implements Callable<Integer>
{
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})([smhd])");

    private final Optional<Invocation> invocation;

    @Spec
    private CommandSpec spec;

    @Mixin
    private SimOptions options;

    @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DURATION", defaultValue = "0s",
            description = "How much simulated time passes: a number followed by s, m, h or d.")
    private String duration;

    SimAdvanceCommand()
    {
        this.invocation = Optional.empty();
    }

    SimAdvanceCommand(Invocation invocation)
    {
        this.invocation = Optional.of(invocation);
    }

    @Override
    public Integer call()
    {
        Duration advance = duration(duration);
        SimSchedules.Run run = SimOptions.advance(options.directory(invocation, spec), advance);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Simulated time is now %s.%n", run.simulatedNow());
        for (BackupRecord record : run.taken()) {
            out.printf("Scheduled backup %s of %s taken.%n", record.id(), record.cluster());
        }
        for (String id : run.removed()) {
            out.printf("Scheduled backup %s removed (beyond keep).%n", id);
        }
        out.flush();
        run.failures().forEach(spec.commandLine().getErr()::println);
        spec.commandLine().getErr().flush();
        return run.failures().isEmpty() ? 0 : 1;
    }

    private Duration duration(String text)
    {
        Matcher matcher = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new ParameterException(spec.commandLine(), "Invalid duration \"" + text + "\": write a number followed by s, m, h or d, such as 10m.");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
