package dev.kiln.lang.diag;

import java.util.Collection;
import java.util.Optional;

/** Suggests a known name close to a mistyped one, as HCL's didyoumean does. */
public final class DidYouMean
{
    private static final int MAXIMUM_DISTANCE = 2;

    private DidYouMean() {}

    /** The closest candidate within edit distance 2, ties broken by the candidates' order. */
    public static Optional<String> suggest(String given, Collection<String> candidates)
    {
        String best = null;
        int bestDistance = MAXIMUM_DISTANCE + 1;
        for (String candidate : candidates) {
            int distance = distance(given, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code " Did you mean \"x\"?"} when a suggestion exists, else the empty string. */
    public static String sentence(String given, Collection<String> candidates)
    {
        return suggest(given, candidates).map(name -> " Did you mean \"" + name + "\"?").orElse("");
    }

    static int distance(String left, String right)
    {
        int[] previous = new int[right.length() + 1];
        int[] current = new int[right.length() + 1];
        for (int j = 0; j <= right.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= left.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= right.length(); j++) {
                int substitution = previous[j - 1] + (left.charAt(i - 1) == right.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[right.length()];
    }
}
