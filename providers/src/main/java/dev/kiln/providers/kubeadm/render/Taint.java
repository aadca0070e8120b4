package dev.kiln.providers.kubeadm.render;

import java.util.Optional;

/** A taint written as kubectl does: {@code key=value:Effect} or {@code key:Effect}. */
public record Taint(String key, Optional<String> value, String effect)
{
    public static Taint parse(String text)
    {
        int colon = text.lastIndexOf(':');
        String effect = colon < 0 ? "NoSchedule" : text.substring(colon + 1);
        String keyValue = colon < 0 ? text : text.substring(0, colon);
        int equals = keyValue.indexOf('=');
        return equals < 0
                ? new Taint(keyValue, Optional.empty(), effect)
                : new Taint(keyValue.substring(0, equals), Optional.of(keyValue.substring(equals + 1)), effect);
    }

    /** The form {@code kubectl taint} takes: {@code key=value:Effect}. */
    public String written()
    {
        return key + value.map(text -> "=" + text).orElse("") + ":" + effect;
    }
}
