package dev.kiln.lang.functions;

import dev.kiln.lang.eval.Function;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** {@code sha256}, {@code sha1}, {@code md5}: hex digests of a string's UTF-8 bytes. */
final class HashFunctions
{
    private HashFunctions() {}

    static List<Function> all()
    {
        return List.of(digest("sha256", "SHA-256"), digest("sha1", "SHA-1"), digest("md5", "MD5"));
    }

    private static Function digest(String name, String algorithm)
    {
        return StandardFunction.builder(name)
                .parameter("str", Type.STRING)
                .returns(Type.STRING)
                .implementation(call -> Value.string(HexFormat.of().formatHex(digester(algorithm).digest(call.string(0).getBytes(StandardCharsets.UTF_8)))));
    }

    private static MessageDigest digester(String algorithm)
    {
        try {
            return MessageDigest.getInstance(algorithm);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides " + algorithm, e);
        }
    }
}
