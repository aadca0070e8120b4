package dev.kiln.lang.functions;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Text split into user-perceived characters (extended grapheme clusters), as Terraform counts them. */
final class Graphemes
{
    private Graphemes() {}

    static List<String> split(String text)
    {
        BreakIterator iterator = BreakIterator.getCharacterInstance(Locale.ROOT);
        iterator.setText(text);
        List<String> result = new ArrayList<>();
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            result.add(text.substring(start, end));
        }
        return result;
    }

    static int count(String text)
    {
        return split(text).size();
    }
}
