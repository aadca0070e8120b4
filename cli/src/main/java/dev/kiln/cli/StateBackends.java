package dev.kiln.cli;

import dev.kiln.lang.config.ConfigLoader;
import dev.kiln.lang.config.LoadResult;
import dev.kiln.lang.config.VariableInputs;
import dev.kiln.lang.config.model.KilnSettings;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.StateSettings;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.state.StateException;
import dev.kiln.state.backend.Backend;
import dev.kiln.state.backend.LocalBackend;
import dev.kiln.state.backend.LocalBackendOptions;
import dev.kiln.state.backend.s3.S3Backend;
import dev.kiln.state.backend.s3.S3BackendOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Picks the state backend a working directory's configuration names in
 * {@code kiln { state "..." {...} }}: the local file ({@code kiln.state}, or the
 * {@code path} of {@code state "local"}) unless the block says {@code "s3"}. A configuration
 * without a {@code state} block is never evaluated for it, so default runs pay nothing.
 * {@code KILN_STATE_LEASE} (seconds) and {@code KILN_STATE_HISTORY} (versions kept, over the
 * block's {@code history}) tune the S3 backend.
 */
final class StateBackends
{
    static final String LEASE_VARIABLE = "KILN_STATE_LEASE";
    static final String HISTORY_VARIABLE = "KILN_STATE_HISTORY";

    private static final Pattern STATE_BLOCK = Pattern.compile("\\bstate\\s+\"(s3|local)\"");

    private StateBackends() {}

    /** Where the state is: an S3 object, or a local file ({@code localPath} as configured, relative to the working directory). */
    record Choice(Optional<S3BackendOptions> s3, String localPath)
    {
        static final Choice DEFAULT = new Choice(Optional.empty(), LocalBackendOptions.STATE_FILE_NAME);

        Choice
        {
            requireNonNull(s3, "s3 is null");
            requireNonNull(localPath, "localPath is null");
        }

        BackendRecord record()
        {
            return BackendRecord.of(s3, localPath);
        }
    }

    /**
     * The configured backend, refused when it is not the one {@code kiln init} set the
     * directory up for (the state would seem to vanish, or a second one would start).
     */
    static Backend configured(Workspace workspace, VariableInputs inputs)
    {
        Choice choice = choice(workspace, inputs);
        BackendRecord configured = choice.record();
        Optional<BackendRecord> recorded = recorded(workspace, configured);
        if (recorded.isPresent() && !recorded.get().sameStorage(configured)) {
            throw changed(recorded.get(), configured);
        }
        return open(workspace, choice);
    }

    /**
     * The backend {@code kiln init} recorded; without a record, a directory that has the
     * default {@code kiln.state} while the configuration names another place counts as set up
     * for that file.
     */
    static Optional<BackendRecord> recorded(Workspace workspace, BackendRecord configured)
    {
        Optional<BackendRecord> recorded = BackendRecord.read(workspace.kilnDirectory());
        if (recorded.isEmpty() && !configured.sameStorage(BackendRecord.LOCAL)
                && Files.exists(workspace.directory().resolve(LocalBackendOptions.STATE_FILE_NAME))) {
            return Optional.of(BackendRecord.LOCAL);
        }
        return recorded;
    }

    static Backend open(Workspace workspace, Choice choice)
    {
        if (choice.s3().isEmpty()) {
            return new LocalBackend(LocalBackendOptions.inDirectory(workspace.directory(), choice.localPath()).withEncryption(workspace.encryption()));
        }
        return new S3Backend(choice.s3().get().withEncryption(workspace.encryption()), notice -> workspace.show(List.of(notice)));
    }

    /** Where the configuration keeps the state. */
    static Choice choice(Workspace workspace, VariableInputs inputs)
    {
        if (!mentionsStateBlock(workspace.directory())) {
            return Choice.DEFAULT;
        }
        LoadResult loaded = ConfigLoader.load(workspace.directory(), inputs.withUnsetAllowed());
        if (loaded.hasErrors() || loaded.config().isEmpty()) {
            workspace.show(loaded.diagnostics().stream().filter(Diagnostic::isError).toList(), loaded.sources());
            throw StateException.error("State backend unknown",
                    "The configuration has errors (shown above), so Kiln cannot tell where the state is kept. Fix them and run the command again.");
        }
        return choice(loaded.config().get().model(), workspace.invocation().environment());
    }

    static Choice choice(Model model, Map<String, String> environment)
    {
        Optional<StateSettings> settings = model.kiln().map(KilnSettings::state);
        if (settings.isEmpty()) {
            return Choice.DEFAULT;
        }
        return switch (settings.get()) {
            case StateSettings.LocalState local -> new Choice(Optional.empty(), localPath(local));
            case StateSettings.S3State s3 -> new Choice(Optional.of(s3Options(s3, environment)), LocalBackendOptions.STATE_FILE_NAME);
        };
    }

    private static String localPath(StateSettings.LocalState local)
    {
        String path = local.path().known().orElseThrow(() -> StateException.error("State path unknown",
                "The path of state \"local\" is not known before apply, so Kiln cannot tell where the state is kept. Use a literal or a variable."));
        if (path.isBlank()) {
            throw StateException.error("State path empty", "The path of state \"local\" is empty. Name the state file, such as \"kiln.state\", or leave path out.");
        }
        return path;
    }

    static S3BackendOptions s3Options(StateSettings.S3State s3, Map<String, String> environment)
    {
        S3BackendOptions options = S3BackendOptions.from(s3);
        Optional<Integer> lease = number(environment, LEASE_VARIABLE);
        if (lease.isPresent()) {
            options = options.withLease(Duration.ofSeconds(Math.max(lease.get(), S3BackendOptions.SHORTEST_LEASE.toSeconds())));
        }
        Optional<Integer> history = number(environment, HISTORY_VARIABLE);
        if (history.isPresent()) {
            options = options.withHistoryLimit(Math.max(1, history.get()));
        }
        return options;
    }

    static StateException changed(BackendRecord recorded, BackendRecord configured)
    {
        return StateException.error("Backend configuration changed",
                ("This directory's state is kept in %s, and the configuration now names %s. Kiln does not switch silently: the state would seem "
                        + "empty and a second one would start.\n\nTo move the state, run: kiln init -migrate-state\nTo use the new backend as it is "
                        + "(leaving the old state where it is), run: kiln init -reconfigure")
                        .formatted(recorded.describe(), configured.describe()));
    }

    private static Optional<Integer> number(Map<String, String> environment, String name)
    {
        String text = environment.get(name);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        }
        catch (NumberFormatException e) {
            throw StateException.error("Invalid " + name, "%s is \"%s\"; it must be a whole number.".formatted(name, text));
        }
    }

    private static boolean mentionsStateBlock(Path directory)
    {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(ConfigLoader.FILE_SUFFIX))
                    .anyMatch(StateBackends::declaresStateBlock);
        }
        catch (IOException e) {
            // The configuration loader reports an unreadable directory in its own words.
            return false;
        }
    }

    private static boolean declaresStateBlock(Path file)
    {
        try {
            return STATE_BLOCK.matcher(Files.readString(file)).find();
        }
        catch (IOException e) {
            return false;
        }
    }
}
