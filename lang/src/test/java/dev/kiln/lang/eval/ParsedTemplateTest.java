package dev.kiln.lang.eval;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.syntax.Parser;
import dev.kiln.lang.value.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Standalone templates (as {@code templatefile} reads them), parsed and evaluated against {@link TestContexts#context()}. */
class ParsedTemplateTest
{
    @ParameterizedTest(name = "{0} is {1} (sensitive: {2})")
    @DisplayName("templates render their parts, and are sensitive exactly when a rendered part is")
    @CsvSource(delimiterString = "=>>", quoteCharacter = '\'', textBlock = """
            hello ${name}                                          =>> "hello web"            =>> false
            ${count}                                               =>> 3                      =>> false
            %{ for v in items ~} ${v} %{~ endfor }                 =>> "abc"                  =>> false
            %{ if !flag ~} hello %{~ else ~} bye %{~ endif }       =>> "bye"                  =>> false
            hello %%{ if true }x%%{ endif }                        =>> "hello %{ if true }x%{ endif }" =>> false
            key=${secret}                                          =>> "key=hunter2"          =>> true
            %{ if false }${secret}%{ endif }done                   =>> "done"                 =>> false
            %{ for s in servers }${s.port}%{ endfor }              =>> "12"                   =>> true
            %{ for s in servers }${s.name}%{ endfor }              =>> "ab"                   =>> false
            %{ for s in [secret] }x%{ endfor }                     =>> "x"                    =>> false
            ${unknown_string}!                                     =>> (known after apply)    =>> false
            """)
    void templates(String source, String expected, boolean sensitive)
    {
        Parser.ExpressionResult parsed = Parser.parseTemplate("test.tftpl", source);
        assertEquals("", parsed.diagnostics().stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        Diagnostics diagnostics = new Diagnostics();
        Value value = Evaluator.evaluate(parsed.expression().orElseThrow(), TestContexts.context(), diagnostics);
        assertEquals("", diagnostics.toList().stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        assertEquals(expected, value.toSourceForm());
        assertEquals(sensitive, value.sensitive());
    }
}
