package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Setting;
import dev.kiln.lang.diag.DidYouMean;

import java.util.Collection;

/** "Did you mean" sentences that never hint at a sensitive value. */
final class Suggestions
{
    private Suggestions() {}

    static String didYouMean(Setting<?> setting, String given, Collection<String> candidates)
    {
        return setting.sensitive() ? "" : DidYouMean.sentence(given, candidates);
    }
}
