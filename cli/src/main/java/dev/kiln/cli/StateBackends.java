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

/**
 * Picks the state backend a working directory's configuration names in
 * {@code kiln { state "..." {...} }}: the local file unless the block says {@code "s3"}.
 * A configuration without the word is never evaluated for it, so local runs pay nothing.
 * {@code KILN_STATE_LEASE} (seconds) and {@code KILN_STATE_HISTORY} (versions kept) tune the
 * S3 backend.
 */
final class StateBackends
{
    static final String LEASE_VARIABLE = "KILN_STATE_LEASE";
    static final String HISTORY_VARIABLE = "KILN_STATE_HISTORY";

    private static final Pattern S3_BLOCK = Pattern.compile("\\bstate\\s+\"s3\"");

    private StateBackends() {}

    /**
     * The configured backend, refused when it is not the one {@code kiln init} set the
     * directory up for (the state would seem to vanish, or a second one would start).
     */
    static Backend configured(Workspace workspace, VariableInputs inputs)
    {
        Optional<S3BackendOptions> s3 = s3Options(workspace, inputs);
        BackendRecord configured = BackendRecord.of(s3);
        Optional<BackendRecord> recorded = BackendRecord.read(workspace.kilnDirectory());
        if (recorded.isEmpty() && s3.isPresent() && Files.exists(workspace.directory().resolve(LocalBackendOptions.STATE_FILE_NAME))) {
            recorded = Optional.of(BackendRecord.LOCAL);
        }
        if (recorded.isPresent() && !recorded.get().sameStorage(configured)) {
            throw changed(recorded.get(), configured);
        }
        return open(workspace, s3);
    }

    static Backend open(Workspace workspace, Optional<S3BackendOptions> s3)
    {
        if (s3.isEmpty()) {
            return new LocalBackend(LocalBackendOptions.inDirectory(workspace.directory()).withEncryption(workspace.encryption()));
        }
        return new S3Backend(s3.get().withEncryption(workspace.encryption()), notice -> workspace.show(List.of(notice)));
    }

    /** The S3 options the configuration names, or empty for the local file. */
    static Optional<S3BackendOptions> s3Options(Workspace workspace, VariableInputs inputs)
    {
        if (!mentionsS3(workspace.directory())) {
            return Optional.empty();
        }
        LoadResult loaded = ConfigLoader.load(workspace.directory(), inputs.withUnsetAllowed());
        if (loaded.hasErrors() || loaded.config().isEmpty()) {
            workspace.show(loaded.diagnostics().stream().filter(Diagnostic::isError).toList(), loaded.sources());
            throw StateException.error("State backend unknown",
                    "The configuration has errors (shown above), so Kiln cannot tell where the state is kept. Fix them and run the command again.");
        }
        return s3Options(loaded.config().get().model(), workspace.invocation().environment());
    }

    static Optional<S3BackendOptions> s3Options(Model model, Map<String, String> environment)
    {
        Optional<StateSettings> settings = model.kiln().map(KilnSettings::state);
        if (settings.isEmpty() || !(settings.get() instanceof StateSettings.S3State s3)) {
            return Optional.empty();
        }
        S3BackendOptions options = S3BackendOptions.from(s3);
        Optional<Integer> lease = number(environment, LEASE_VARIABLE);
        if (lease.isPresent()) {
            options = options.withLease(Duration.ofSeconds(Math.max(lease.get(), S3BackendOptions.SHORTEST_LEASE.toSeconds())));
        }
        Optional<Integer> history = number(environment, HISTORY_VARIABLE);
        if (history.isPresent()) {
            options = options.withHistoryLimit(Math.max(1, history.get()));
        }
        return Optional.of(options);
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

    private static boolean mentionsS3(Path directory)
    {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(ConfigLoader.FILE_SUFFIX))
                    .anyMatch(StateBackends::mentionsS3Block);
        }
        catch (IOException e) {
            // The configuration loader reports an unreadable directory in its own words.
            return false;
        }
    }

    private static boolean mentionsS3Block(Path file)
    {
        try {
            return S3_BLOCK.matcher(Files.readString(file)).find();
        }
        catch (IOException e) {
            return false;
        }
    }
}
