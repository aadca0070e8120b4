package dev.kiln.lang.ast;

/** HCL's operators, by precedence group (spec: higher binds tighter). */
public enum Operator
{
    NOT("!", 0),
    NEGATE("-", 0),
    MULTIPLY("*", 6),
    DIVIDE("/", 6),
    MODULO("%", 6),
    ADD("+", 5),
    SUBTRACT("-", 5),
    GREATER_THAN(">", 4),
    GREATER_OR_EQUAL(">=", 4),
    LESS_THAN("<", 4),
    LESS_OR_EQUAL("<=", 4),
    EQUAL("==", 3),
    NOT_EQUAL("!=", 3),
    AND("&&", 2),
    OR("||", 1);

    private final String symbol;
    private final int precedence;

    Operator(String symbol, int precedence)
    {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    public String symbol()
    {
        return symbol;
    }

    /** Binary precedence; 0 for the unary operators. */
    public int precedence()
    {
        return precedence;
    }
}
