package dev.kiln.providers.kubeadm.remote;

import java.util.List;
import java.util.stream.Collectors;

/** Quoting words for {@code sh}. */
public final class Shell
{
    private Shell() {}

    /** {@code word} in single quotes, so the shell takes it literally. */
    public static String quote(String word)
    {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:=@%+,-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }

    public static String join(List<String> words)
    {
        return words.stream().map(Shell::quote).collect(Collectors.joining(" "));
    }
}
