package dev.kiln.lang.eval;

import dev.kiln.lang.value.Value;

import java.util.List;

/**
 * A function callable from expressions. The evaluator hands it the evaluated arguments
 * (with a final {@code ...} argument already expanded); the function itself checks arity and
 * types, converts arguments, treats unknown arguments (usually: unknown result) and
 * propagates sensitive marks to its result.
 */
public interface Function
{
    String name();

    Value call(List<Value> arguments)
            throws FunctionException;
}
