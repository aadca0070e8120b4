package dev.kiln.providers.backup;

import java.util.List;
import java.util.stream.Collectors;

/** Quoting for POSIX shell command lines built from paths, names and URLs. */
final class ShellWords
{
    private ShellWords() {}

    static String quote(String word)
    {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:=,@%+-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    static String join(List<String> words)
    {
        return words.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
    }
}
