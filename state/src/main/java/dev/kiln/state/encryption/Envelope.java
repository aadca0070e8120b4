package dev.kiln.state.encryption;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The sealed form of a file or journal record: one line of JSON whose first field,
 * {@code "kiln_encryption": 1}, marks it (so plaintext is told apart by its first bytes),
 * then what it holds, the method, the key provider, the key derivation's parameters, the key
 * check, the nonce and the ciphertext with its 16-byte tag (base64). Everything before the
 * ciphertext, exactly as written, is the cipher's additional authenticated data: a changed
 * header fails authentication like a changed ciphertext.
 */
record Envelope(Content content, String method, String keyProvider, Optional<KdfParameters> kdf, byte[] keyCheck, byte[] nonce, byte[] ciphertext)
{
    static final int VERSION = 1;
    static final String MARKER = "kiln_encryption";
    private static final byte[] PREFIX = ("{\"" + MARKER + "\":").getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    Envelope
    {
        requireNonNull(content, "content is null");
        requireNonNull(method, "method is null");
        requireNonNull(keyProvider, "keyProvider is null");
        requireNonNull(kdf, "kdf is null");
        requireNonNull(keyCheck, "keyCheck is null");
        requireNonNull(nonce, "nonce is null");
        requireNonNull(ciphertext, "ciphertext is null");
    }

    /** Whether {@code bytes} (after leading white space) start like an envelope. */
    static boolean isEnvelope(byte[] bytes)
    {
        int start = 0;
        while (start < bytes.length && Character.isWhitespace(bytes[start])) {
            start++;
        }
        if (bytes.length - start < PREFIX.length) {
            return false;
        }
        for (int index = 0; index < PREFIX.length; index++) {
            if (bytes[start + index] != PREFIX[index]) {
                return false;
            }
        }
        return true;
    }

    /** The header as authenticated: every field but the ciphertext, in the order written. */
    byte[] additionalData()
    {
        return write(header());
    }

    /** The envelope as one line of JSON, without a line end. */
    byte[] toBytes()
    {
        ObjectNode node = header();
        node.put("ciphertext", Base64.getEncoder().encodeToString(ciphertext));
        return write(node);
    }

    static Envelope parse(byte[] bytes)
            throws EnvelopeException
    {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        }
        catch (IOException e) {
            throw new EnvelopeException("the header is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new EnvelopeException("the header is not a JSON object");
        }
        JsonNode version = root.get(MARKER);
        if (version == null || !version.isInt()) {
            throw new EnvelopeException("\"" + MARKER + "\" is not a format number");
        }
        if (version.intValue() != VERSION) {
            throw new EnvelopeException.UnsupportedVersion(version.intValue());
        }
        String contentLabel = text(root, "content");
        Content content = Content.fromLabel(contentLabel).orElseThrow(() -> new EnvelopeException("\"content\" is \"" + contentLabel + "\", which Kiln does not write"));
        Optional<KdfParameters> kdf = Optional.empty();
        if (root.has("kdf")) {
            JsonNode node = root.get("kdf");
            JsonNode iterations = node.get("iterations");
            if (iterations == null || !iterations.isInt() || iterations.intValue() < 1 || iterations.intValue() > Pbkdf2KeyProvider.MAXIMUM_ITERATIONS) {
                throw new EnvelopeException("\"kdf.iterations\" is not a number from 1 to " + Pbkdf2KeyProvider.MAXIMUM_ITERATIONS);
            }
            kdf = Optional.of(new KdfParameters(text(node, "function"), iterations.intValue(), base64(node, "salt")));
        }
        return new Envelope(content, text(root, "method"), text(root, "key_provider"), kdf, base64(root, "key_check"), base64(root, "nonce"), base64(root, "ciphertext"));
    }

    private ObjectNode header()
    {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put(MARKER, VERSION);
        node.put("content", content.label());
        node.put("method", method);
        node.put("key_provider", keyProvider);
        kdf.ifPresent(parameters -> {
            ObjectNode kdfNode = node.putObject("kdf");
            kdfNode.put("function", parameters.function());
            kdfNode.put("iterations", parameters.iterations());
            kdfNode.put("salt", Base64.getEncoder().encodeToString(parameters.salt()));
        });
        node.put("key_check", Base64.getEncoder().encodeToString(keyCheck));
        node.put("nonce", Base64.getEncoder().encodeToString(nonce));
        return node;
    }

    private static byte[] write(ObjectNode node)
    {
        try {
            return MAPPER.writeValueAsBytes(node);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("an envelope header could not be written", e);
        }
    }

    private static String text(JsonNode node, String name)
            throws EnvelopeException
    {
        JsonNode field = node.get(name);
        if (field == null || !field.isTextual()) {
            throw new EnvelopeException("\"" + name + "\" is missing or not a string");
        }
        return field.textValue();
    }

    private static byte[] base64(JsonNode node, String name)
            throws EnvelopeException
    {
        try {
            return Base64.getDecoder().decode(text(node, name));
        }
        catch (IllegalArgumentException e) {
            throw new EnvelopeException("\"" + name + "\" is not base64");
        }
    }
}
