package dev.kiln.lang.syntax;

import dev.kiln.lang.ast.Body;
import dev.kiln.lang.ast.ConfigFile;
import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Parses HCL native syntax into Kiln's AST. Never throws on bad input: every problem is a
 * diagnostic, and a (possibly partial) result is always returned.
 */
public final class Parser
{
    private Parser() {}

    /** A parsed file (partial when there are errors) and every diagnostic, sorted. */
    public record ParseResult(ConfigFile file, List<Diagnostic> diagnostics)
    {
        public ParseResult
        {
            requireNonNull(file, "file is null");
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean hasErrors()
        {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    /** A parsed expression, absent when it could not be parsed at all, and every diagnostic. */
    public record ExpressionResult(Optional<Expression> expression, List<Diagnostic> diagnostics)
    {
        public ExpressionResult
        {
            requireNonNull(expression, "expression is null");
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean hasErrors()
        {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    /** Parses a configuration file. */
    public static ParseResult parse(String filename, String source)
    {
        requireNonNull(filename, "filename is null");
        requireNonNull(source, "source is null");
        Diagnostics diagnostics = new Diagnostics();
        SyntaxRun run = new SyntaxRun(filename, source, NewlineFilter.Start.BODY, diagnostics);
        Body body = run.body();
        return new ParseResult(new ConfigFile(filename, source, body), diagnostics.toList());
    }

    /** Parses one expression, such as a {@code -var} value or a console input. */
    public static ExpressionResult parseExpression(String filename, String source)
    {
        requireNonNull(filename, "filename is null");
        requireNonNull(source, "source is null");
        Diagnostics diagnostics = new Diagnostics();
        SyntaxRun run = new SyntaxRun(filename, source, NewlineFilter.Start.EXPRESSION, diagnostics);
        Optional<Expression> expression = run.expression();
        return new ExpressionResult(expression, diagnostics.toList());
    }

    /**
     * Parses a whole text as template content (for {@code templatefile}): literal text,
     * interpolations and directives, no quotes and no backslash escapes.
     */
    public static ExpressionResult parseTemplate(String filename, String source)
    {
        requireNonNull(filename, "filename is null");
        requireNonNull(source, "source is null");
        Diagnostics diagnostics = new Diagnostics();
        SyntaxRun run = new SyntaxRun(filename, source, NewlineFilter.Start.TEMPLATE, diagnostics);
        Optional<Expression> expression = run.template();
        return new ExpressionResult(expression, diagnostics.toList());
    }
}
