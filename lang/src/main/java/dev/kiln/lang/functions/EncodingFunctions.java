package dev.kiln.lang.functions;

import dev.kiln.lang.eval.Function;
import dev.kiln.lang.eval.FunctionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import dev.kiln.lang.value.ValueJson;
import dev.kiln.lang.value.ValueYaml;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** {@code jsonencode}, {@code jsondecode}, {@code yamlencode}, {@code yamldecode}, {@code base64encode}, {@code base64decode}, {@code urlencode}. */
final class EncodingFunctions
{
    private static final String URL_UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";

    private EncodingFunctions() {}

    static List<Function> all()
    {
        return List.of(
                encoder("jsonencode", value -> htmlSafe(ValueJson.encode(value))),
                decoder("jsondecode", ValueJson::decode),
                encoder("yamlencode", ValueYaml::encode),
                decoder("yamldecode", ValueYaml::decode),
                base64encode(),
                base64decode(),
                urlencode());
    }

    private interface Encoder
    {
        String encode(Value value);
    }

    private interface Decoder
    {
        Value decode(String text)
                throws ValueJson.DecodeException;
    }

    private static Function encoder(String name, Encoder encoder)
    {
        return StandardFunction.builder(name)
                .parameter(Parameter.of("value", Type.DYNAMIC).allowingNull())
                .returns(Type.STRING)
                .implementation(call -> Value.string(encoder.encode(call.argument(0))));
    }

    private static Function decoder(String name, Decoder decoder)
    {
        return StandardFunction.builder(name)
                .parameter("str", Type.STRING)
                .returns(Type.DYNAMIC)
                .implementation(call -> {
                    try {
                        return decoder.decode(call.string(0));
                    }
                    catch (ValueJson.DecodeException e) {
                        throw call.error(0, call.sensitive(0) ? "the given text is not valid (details hidden: the argument is sensitive)" : e.getMessage());
                    }
                });
    }

    /**
     * Escapes {@code <}, {@code >}, {@code &} and the Unicode line separators, and writes
     * backspace and form feed as {@code \\u} escapes, as Terraform's {@code jsonencode} does.
     * Such characters occur only inside strings, so the text stays valid JSON.
     */
    private static String htmlSafe(String json)
    {
        StringBuilder result = new StringBuilder(json.length());
        for (int index = 0; index < json.length(); index++) {
            char character = json.charAt(index);
            if (character == '\\' && index + 1 < json.length()) {
                char escaped = json.charAt(++index);
                switch (escaped) {
                    case 'b' -> result.append("\\u0008");
                    case 'f' -> result.append("\\u000c");
                    default -> result.append(character).append(escaped);
                }
            }
            else if (character == '<' || character == '>' || character == '&' || character == 0x2028 || character == 0x2029) {
                result.append(String.format("\\u%04x", (int) character));
            }
            else {
                result.append(character);
            }
        }
        return result.toString();
    }

    private static Function base64encode()
    {
        return StandardFunction.builder("base64encode")
                .parameter("str", Type.STRING)
                .returns(Type.STRING)
                .implementation(call -> Value.string(Base64.getEncoder().encodeToString(call.string(0).getBytes(StandardCharsets.UTF_8))));
    }

    private static Function base64decode()
    {
        return StandardFunction.builder("base64decode")
                .parameter("str", Type.STRING)
                .returns(Type.STRING)
                .implementation(call -> {
                    byte[] bytes;
                    try {
                        if (call.string(0).length() % 4 != 0) {
                            throw new IllegalArgumentException("missing padding");
                        }
                        bytes = Base64.getDecoder().decode(call.string(0));
                    }
                    catch (IllegalArgumentException e) {
                        throw call.error(0, "failed to decode base64 data " + call.show(0));
                    }
                    try {
                        return Value.string(StandardCharsets.UTF_8.newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)
                                .decode(ByteBuffer.wrap(bytes))
                                .toString());
                    }
                    catch (CharacterCodingException e) {
                        throw call.error(0, "the result of decoding the provided string is not valid UTF-8");
                    }
                });
    }

    private static Function urlencode()
    {
        return StandardFunction.builder("urlencode")
                .parameter("str", Type.STRING)
                .returns(Type.STRING)
                .implementation(call -> {
                    StringBuilder result = new StringBuilder();
                    for (byte octet : call.string(0).getBytes(StandardCharsets.UTF_8)) {
                        char character = (char) (octet & 0xFF);
                        if (URL_UNRESERVED.indexOf(character) >= 0) {
                            result.append(character);
                        }
                        else if (character == ' ') {
                            result.append('+');
                        }
                        else {
                            result.append(String.format("%%%02X", octet & 0xFF));
                        }
                    }
                    return Value.string(result.toString());
                });
    }
}
