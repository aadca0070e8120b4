package dev.kiln.cli.view;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import dev.kiln.lang.diag.Diagnostic;

import static java.util.Objects.requireNonNull;

/** The outcome of {@code kiln validate}, for people or (with {@code -json}) for machines. */
public final class ValidateView
{
    private final PrintStream out;
    private final PrintStream err;
    private final Styles styles;

    public ValidateView(PrintStream out, PrintStream err, boolean color)
    {
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
        this.styles = new Styles(color);
    }

    public void renderText(List<Diagnostic> diagnostics, Map<String, String> sources)
    {
        new DiagnosticTextView(out, err, styles).render(diagnostics, sources);
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            return;
        }
        if (diagnostics.isEmpty()) {
            out.println(styles.green("Success!") + " The configuration is valid.");
        }
        else {
            out.println(styles.green("Success!") + " The configuration is valid, but there were some validation warnings as shown above.");
        }
        out.flush();
    }

    public void renderJson(List<Diagnostic> diagnostics, Map<String, String> sources)
    {
        JsonView.print(out, DiagnosticJsonView.validateDocument(diagnostics, sources));
        out.flush();
    }
}
