package dev.kiln.cli;

import dev.kiln.cli.view.DiagnosticTextView;
import dev.kiln.cli.view.Styles;
import dev.kiln.lang.diag.DidYouMean;
import dev.kiln.state.StateException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The one place that turns outcomes into exit codes: 0 success, 1 errors (diagnostics, usage
 * errors, failures), 3 when {@code fmt -check} finds files that are not formatted.
 */
final class ExitCodes
        implements IParameterExceptionHandler, IExecutionExceptionHandler, IExitCodeExceptionMapper
{
    static final int OK = 0;
    static final int ERROR = 1;
    /** {@code plan -detailed-exitcode}: the plan has changes. */
    static final int CHANGES = 2;
    static final int FORMAT_CHANGES = 3;

    private final Invocation invocation;

    ExitCodes(Invocation invocation)
    {
        this.invocation = requireNonNull(invocation, "invocation is null");
    }

    /** A usage error: what was wrong, the command's synopsis, and where to read more. */
    @Override
    public int handleParseException(ParameterException exception, String[] args)
    {
        CommandLine command = exception.getCommandLine();
        var err = command.getErr();
        err.println("Error: " + message(exception));
        err.println();
        err.print("Usage: " + command.getHelp().synopsis(0));
        err.println();
        err.println(helpHint(command));
        err.flush();
        return ERROR;
    }

    /** A bug or an I/O failure that escaped a command: one line, and the trace for reports. */
    @Override
    public int handleExecutionException(Exception exception, CommandLine command, ParseResult parseResult)
    {
        if (exception instanceof ParameterException parameterException) {
            return handleParseException(parameterException, parseResult.originalArgs().toArray(String[]::new));
        }
        if (exception instanceof StateException stateException) {
            command.getErr().flush();
            new DiagnosticTextView(invocation.out(), invocation.err(), new Styles(invocation.color())).render(List.of(stateException.diagnostic()), Map.of());
            return ERROR;
        }
        var err = command.getErr();
        err.println("Error: " + describe(exception));
        if (invocation.environment().containsKey("KILN_DEBUG")) {
            exception.printStackTrace(err);
        }
        err.flush();
        return ERROR;
    }

    @Override
    public int getExitCode(Throwable exception)
    {
        return ERROR;
    }

    /** picocli's message, except that an unknown command is called that, with a suggestion. */
    private static String message(ParameterException exception)
    {
        CommandLine command = exception.getCommandLine();
        if (exception instanceof UnmatchedArgumentException unmatched
                && !command.getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty()
                && !unmatched.getUnmatched().getFirst().startsWith("-")) {
            String name = unmatched.getUnmatched().getFirst();
            return "Unknown command \"" + name + "\"." + DidYouMean.sentence(name, command.getSubcommands().keySet());
        }
        return exception.getMessage();
    }

    private static String helpHint(CommandLine command)
    {
        String name = command.getCommandSpec().qualifiedName();
        return name.equals("kiln")
                ? "Run 'kiln help' for the list of commands."
                : "Run '" + name + " -help' or 'kiln help " + command.getCommandName() + "' for its options.";
    }

    private static String describe(Throwable exception)
    {
        String message = exception.getMessage();
        return message == null || message.isBlank() ? exception.getClass().getName() : message;
    }
}
