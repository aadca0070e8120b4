package dev.kiln.cli.view;

import dev.kiln.state.OutputValue;

import java.io.PrintStream;
import java.util.SortedMap;

/** Root outputs, one {@code name = value} each; sensitive ones as {@code <sensitive>}. */
public final class OutputsView
{
    private OutputsView() {}

    public static void render(PrintStream out, SortedMap<String, OutputValue> outputs)
    {
        outputs.forEach((name, output) -> out.println(name + " = " + (output.sensitive() ? "<sensitive>" : JsonValueText.render(output.value()))));
    }
}
