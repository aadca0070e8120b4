package dev.kiln.cli.view;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.kiln.lang.diag.Diagnostic;

import static java.util.Objects.requireNonNull;

/** What {@code kiln fmt} prints: changed file names, unified diffs, formatted text, diagnostics. */
public final class FmtView
{
    private static final int CONTEXT_LINES = 3;

    private final PrintStream out;
    private final PrintStream err;
    private final Styles styles;

    public FmtView(PrintStream out, PrintStream err, boolean color)
    {
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
        this.styles = new Styles(color);
    }

    public void fileName(String name)
    {
        out.println(name);
        out.flush();
    }

    public void text(String formatted)
    {
        out.print(formatted);
        out.flush();
    }

    /** A unified diff with {@code old/NAME} and {@code new/NAME} labels, as {@code terraform fmt -diff}. */
    public void diff(String name, String before, String after)
    {
        List<String> beforeLines = before.lines().toList();
        List<String> afterLines = after.lines().toList();
        Patch<String> patch = DiffUtils.diff(beforeLines, afterLines);
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff("old/" + name, "new/" + name, beforeLines, patch, CONTEXT_LINES);
        for (String line : lines) {
            out.println(line);
        }
        out.flush();
    }

    public void diagnostics(List<Diagnostic> diagnostics, Map<String, String> sources)
    {
        new DiagnosticTextView(out, err, styles).render(diagnostics, sources);
    }
}
