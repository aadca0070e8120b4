package dev.kiln.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.kiln.cli.view.FmtView;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.format.FormatResult;
import dev.kiln.lang.format.Formatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import static java.util.Objects.requireNonNull;

@Command(name = "fmt",
        description = {
                "Rewrite *.kiln.hcl files in the canonical layout.",
                "Two-space indent, aligned '=' in runs of attributes, comments kept. Prints the names of the files "
                        + "it changed. Without PATH it formats the working directory; PATH '-' formats standard input "
                        + "to standard output. Files with syntax errors are reported and left untouched."
        },
        footer = {"", "Exit status: 0 ok, 1 errors (syntax errors, unreadable files), 3 with -check when files are not formatted."})
final class FmtCommand
        implements Callable<Integer>
{
    private static final String STANDARD_INPUT = "-";

    private final Invocation invocation;

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private KilnCommand kiln;

    @Option(names = {"-check", "--check"}, description = "Change nothing; exit 3 when any file is not formatted.")
    private boolean check;

    @Option(names = {"-diff", "--diff"}, description = "Print a unified diff of the changes.")
    private boolean diff;

    @Option(names = {"-recursive", "--recursive"}, description = "Also format the files in subdirectories.")
    private boolean recursive;

    @Option(names = {"-list", "--list"}, arity = "0..1", paramLabel = "BOOLEAN", defaultValue = "true", fallbackValue = "true",
            description = "Print the names of files whose formatting differs (default: true; -list=false to turn off).")
    private boolean list;

    @Option(names = {"-write", "--write"}, arity = "0..1", paramLabel = "BOOLEAN", defaultValue = "true", fallbackValue = "true",
            description = "Write the result back to the files (default: true; -write=false to only report).")
    private boolean write;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or directories to format, or '-' for standard input.")
    private List<String> paths = new ArrayList<>();

    FmtCommand(Invocation invocation)
    {
        this.invocation = requireNonNull(invocation, "invocation is null");
    }

    @Override
    public Integer call()
    {
        Path directory = kiln.workingDirectory(spec);
        FmtView view = new FmtView(invocation.out(), invocation.err(), invocation.color());
        if (paths.equals(List.of(STANDARD_INPUT))) {
            return formatStandardInput(view);
        }
        if (paths.contains(STANDARD_INPUT)) {
            view.diagnostics(List.of(Diagnostic.errorWithoutSource("Invalid path",
                    "Standard input (\"-\") must be the only path given to fmt.")), Map.of());
            return ExitCodes.ERROR;
        }
        FormatTargets targets = FormatTargets.find(directory, paths, recursive);
        view.diagnostics(targets.diagnostics(), Map.of());
        boolean errors = !targets.diagnostics().isEmpty();
        boolean changes = false;
        for (FormatTargets.Target target : targets.files()) {
            Outcome outcome = formatFile(target, view);
            errors |= outcome == Outcome.FAILED;
            changes |= outcome == Outcome.CHANGED;
        }
        return exitCode(errors, changes);
    }

    private enum Outcome
    {
        UNCHANGED, CHANGED, FAILED
    }

    private Outcome formatFile(FormatTargets.Target target, FmtView view)
    {
        String source;
        try {
            source = Files.readString(target.path(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            view.diagnostics(List.of(Diagnostic.errorWithoutSource("Failed to read file",
                    "Could not read " + target.displayName() + ": " + e.getMessage())), Map.of());
            return Outcome.FAILED;
        }
        FormatResult result = Formatter.format(target.displayName(), source);
        if (result.diagnostics().stream().anyMatch(Diagnostic::isError)) {
            view.diagnostics(result.diagnostics(), Map.of(target.displayName(), source));
            return Outcome.FAILED;
        }
        if (result.formatted().equals(source)) {
            return Outcome.UNCHANGED;
        }
        if (list) {
            view.fileName(target.displayName());
        }
        if (write && !check) {
            try {
                AtomicFiles.write(target.path(), result.formatted());
            }
            catch (IOException e) {
                view.diagnostics(List.of(Diagnostic.errorWithoutSource("Failed to write file",
                        "Could not write " + target.displayName() + ": " + e.getMessage())), Map.of());
                return Outcome.FAILED;
            }
        }
        if (diff) {
            view.diff(target.displayName(), source, result.formatted());
        }
        return Outcome.CHANGED;
    }

    /** Standard input: the formatted text (or with -diff, the diff) goes to standard output. */
    private int formatStandardInput(FmtView view)
    {
        String source;
        try {
            source = new String(invocation.in().readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("reading standard input failed", e);
        }
        String name = "<stdin>";
        FormatResult result = Formatter.format(name, source);
        if (result.diagnostics().stream().anyMatch(Diagnostic::isError)) {
            view.diagnostics(result.diagnostics(), Map.of(name, source));
            return ExitCodes.ERROR;
        }
        boolean changed = !result.formatted().equals(source);
        if (diff) {
            if (changed) {
                view.diff(name, source, result.formatted());
            }
        }
        else {
            view.text(result.formatted());
        }
        return exitCode(false, changed);
    }

    private int exitCode(boolean errors, boolean changes)
    {
        if (errors) {
            return ExitCodes.ERROR;
        }
        return check && changes ? ExitCodes.FORMAT_CHANGES : ExitCodes.OK;
    }
}
