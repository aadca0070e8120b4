package dev.kiln.cli.view;

/** ANSI styles for terminal output; with colors off every method returns its text unchanged. */
public record Styles(boolean enabled)
{
    private static final String RESET = "\u001B[0m";

    public String bold(String text)
    {
        return wrap("\u001B[1m", text);
    }

    public String red(String text)
    {
        return wrap("\u001B[1;31m", text);
    }

    public String yellow(String text)
    {
        return wrap("\u001B[1;33m", text);
    }

    public String green(String text)
    {
        return wrap("\u001B[1;32m", text);
    }

    public String underline(String text)
    {
        return wrap("\u001B[4m", text);
    }

    private String wrap(String code, String text)
    {
        return enabled && !text.isEmpty() ? code + text + RESET : text;
    }
}
