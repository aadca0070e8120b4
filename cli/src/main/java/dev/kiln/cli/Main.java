package dev.kiln.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;

/** The entry point of {@code kiln}. */
public final class Main
{
    static final String TERMINAL_PROPERTY = "kiln.terminal";

    private Main() {}

    public static void main(String[] args)
    {
        Invocation invocation = new Invocation(
                List.of(args),
                System.in,
                System.out,
                System.err,
                System.getenv(),
                Path.of("").toAbsolutePath(),
                isTerminal());
        int exitCode = run(invocation);
        System.out.flush();
        System.err.flush();
        System.exit(exitCode);
    }

    /** Runs one command line without a terminal (no colors) and an empty standard input. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment, Path workingDirectory)
    {
        return run(new Invocation(List.of(args), InputStream.nullInputStream(), out, err, environment, workingDirectory, false));
    }

    /** Runs one command line and returns its exit code (see {@link ExitCodes}). */
    public static int run(Invocation invocation)
    {
        CommandLine commandLine = KilnCommand.commandLine(invocation);
        int exitCode = commandLine.execute(invocation.arguments().toArray(String[]::new));
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        invocation.out().flush();
        invocation.err().flush();
        return exitCode;
    }

    /**
     * Whether standard output is a terminal. The launcher knows ({@code [ -t 1 ]}) and passes
     * {@code -Dkiln.terminal=true|false}, which spares loading the JDK's console support.
     */
    private static boolean isTerminal()
    {
        String known = System.getProperty(TERMINAL_PROPERTY);
        if (known != null) {
            return Boolean.parseBoolean(known);
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // Console.isTerminal() exists from Java 22 on; before that a console means a terminal.
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        }
        catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
