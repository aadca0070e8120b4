package dev.kiln.providers.kubeadm.cluster;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Secrets Kiln makes for kubeadm: bootstrap tokens ({@code [a-z0-9]{6}.[a-z0-9]{16}}) and certificate keys (32 random bytes in hex). */
public final class Tokens
{
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private Tokens() {}

    public static String bootstrapToken()
    {
        return random(6) + "." + random(16);
    }

    public static String certificateKey()
    {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    private static String random(int length)
    {
        StringBuilder text = new StringBuilder();
        for (int index = 0; index < length; index++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
