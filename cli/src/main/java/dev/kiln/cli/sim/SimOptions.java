package dev.kiln.cli.sim;

import dev.kiln.cli.Invocation;
import dev.kiln.providers.backup.SimSchedules;
import dev.kiln.providers.sim.Datacenter;
import dev.kiln.providers.sim.SimSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What every {@code kiln sim} command shares: {@code -state-dir} and the way to the simulated
 * datacenter, under the working directory that {@code -chdir} selects.
 */
final class SimOptions
{
    @Option(names = {"-state-dir", "--state-dir"}, paramLabel = "DIR", defaultValue = SimSettings.DEFAULT_STATE_DIRECTORY,
            description = "Where the simulated datacenter lives, relative to the working directory: the sim provider's state_dir (default: ${DEFAULT-VALUE}).")
    String stateDirectory;

    /** The datacenter of the working directory; a usage error when it holds nothing yet. */
    Datacenter open(Optional<Invocation> invocation, CommandSpec spec)
    {
        Path directory = directory(invocation, spec);
        advance(directory, Duration.ZERO);
        return Datacenter.open(directory);
    }

    /** The datacenter's directory; a usage error when it holds nothing yet. */
    Path directory(Optional<Invocation> invocation, CommandSpec spec)
    {
        Path directory = workingDirectory(invocation, spec).resolve(stateDirectory).toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            throw new ParameterException(spec.commandLine(), "No simulated datacenter in " + directory
                    + ": apply a configuration with provider \"sim\" first, or give its -state-dir.");
        }
        return directory;
    }

    /** Moves the datacenter's clock on by {@code advance} (at the speed it last ran) and runs the scheduled backups that came due. */
    static SimSchedules.Run advance(Path directory, Duration advance)
    {
        try {
            return SimSchedules.runDue(directory, SimSchedules.recordedSpeed(directory), advance, Clock.systemUTC());
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot run the scheduled backups of the simulated datacenter in " + directory, e);
        }
    }

    private static Path workingDirectory(Optional<Invocation> invocation, CommandSpec spec)
    {
        Path base = invocation.map(Invocation::workingDirectory).orElseGet(() -> Path.of("").toAbsolutePath());
        for (CommandSpec command = spec; command != null; command = command.parent()) {
            OptionSpec chdir = command.findOption("-chdir");
            if (chdir != null && chdir.getValue() != null) {
                Path directory = base.resolve(chdir.getValue().toString()).normalize();
                if (!Files.isDirectory(directory)) {
                    throw new ParameterException(spec.commandLine(), "Invalid -chdir option: the directory \"" + chdir.getValue() + "\" does not exist.");
                }
                return directory;
            }
        }
        return base;
    }
}
