package dev.kiln.lang.functions;

import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.eval.EvalContext;
import dev.kiln.lang.eval.Evaluator;
import dev.kiln.lang.eval.Function;
import dev.kiln.lang.eval.FunctionException;
import dev.kiln.lang.syntax.Parser;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code templatefile(path, vars)}: renders a file as a template that sees only {@code vars}
 * and the standard functions, without {@code templatefile} itself, so templates cannot
 * recurse. Problems in the template are reported with the template's file, line and column.
 */
final class TemplateFileFunction
{
    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_-]*");

    private TemplateFileFunction() {}

    static Function create(FileFunctions files, Map<String, Function> functions)
    {
        Map<String, Function> visible = Map.copyOf(functions);
        return StandardFunction.builder("templatefile")
                .parameter("path", Type.STRING)
                .parameter(Parameter.of("vars", Type.DYNAMIC).allowingUnknown().allowingSensitive())
                .returns(Type.DYNAMIC)
                .implementation(call -> {
                    Value vars = call.argument(1);
                    if (!(Containers.isMapping(vars.type()) || vars.type() == Type.DYNAMIC)) {
                        throw call.error(1, "invalid vars value: must be a map or an object, not " + Containers.describe(vars.type()));
                    }
                    if (!vars.isKnown()) {
                        return Value.unknown(Type.DYNAMIC);
                    }
                    SortedMap<String, Value> variables = vars.asMapping().orElseThrow();
                    for (String name : variables.keySet()) {
                        if (!IDENTIFIER.matcher(name).matches()) {
                            throw call.error(1, "invalid template variable name " + Value.string(name).toSourceForm()
                                    + ": must start with a letter or underscore, followed by letters, digits, underscores and dashes");
                        }
                    }
                    String filename = call.sensitive(0) ? "(sensitive value)" : call.string(0);
                    Parser.ExpressionResult parsed = Parser.parseTemplate(filename, files.read(call, 0));
                    if (parsed.hasErrors() || parsed.expression().isEmpty()) {
                        throw failure(call, filename, parsed.diagnostics());
                    }
                    return render(call, filename, parsed.expression().get(), variables, visible);
                });
    }

    private static Value render(Call call, String filename, Expression template, Map<String, Value> variables, Map<String, Function> functions)
            throws FunctionException
    {
        Diagnostics diagnostics = new Diagnostics();
        Value result = Evaluator.evaluate(template, EvalContext.of(variables, functions), diagnostics);
        if (diagnostics.hasErrors()) {
            throw failure(call, filename, diagnostics.toList());
        }
        return result;
    }

    /** One message for every error in the template, each with its file, line and column. */
    private static FunctionException failure(Call call, String filename, List<Diagnostic> diagnostics)
    {
        String problems = diagnostics.stream()
                .filter(Diagnostic::isError)
                .map(diagnostic -> diagnostic.subject().map(range -> range + ": ").orElse("") + diagnostic.summary() + "; " + diagnostic.detail())
                .collect(Collectors.joining(" "));
        String shown = call.sensitive(0) ? filename : Value.string(filename).toSourceForm();
        return new FunctionException(0, "error in template " + shown + ": " + problems);
    }
}
