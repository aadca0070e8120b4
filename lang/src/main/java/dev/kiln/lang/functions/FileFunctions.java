package dev.kiln.lang.functions;

import dev.kiln.lang.eval.Function;
import dev.kiln.lang.eval.FunctionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** {@code file}, {@code fileexists} and {@code abspath}; relative paths start at the configuration directory. */
final class FileFunctions
{
    private final Path baseDirectory;

    FileFunctions(Path baseDirectory)
    {
        this.baseDirectory = requireNonNull(baseDirectory, "baseDirectory is null").toAbsolutePath().normalize();
    }

    List<Function> all()
    {
        return List.of(file(), fileexists(), abspath());
    }

    private Function file()
    {
        return StandardFunction.builder("file")
                .parameter("path", Type.STRING)
                .returns(Type.STRING)
                .implementation(call -> Value.string(read(call, 0)));
    }

    private Function fileexists()
    {
        return StandardFunction.builder("fileexists")
                .parameter("path", Type.STRING)
                .returns(Type.BOOL)
                .implementation(call -> {
                    Path path = resolve(call, 0);
                    if (!Files.exists(path)) {
                        return Value.bool(false);
                    }
                    if (!Files.isRegularFile(path)) {
                        throw call.error(0, call.showText(0, call.string(0)) + " exists but is not a regular file");
                    }
                    return Value.bool(true);
                });
    }

    private Function abspath()
    {
        return StandardFunction.builder("abspath")
                .parameter("path", Type.STRING)
                .returns(Type.STRING)
                .implementation(call -> Value.string(resolve(call, 0).toString().replace('\\', '/')));
    }

    /** The UTF-8 text of the file the argument at {@code index} names; errors name the path as written. */
    String read(Call call, int index)
            throws FunctionException
    {
        Path path = resolve(call, index);
        String shown = call.showText(index, call.string(index));
        if (Files.isDirectory(path)) {
            throw call.error(index, shown + " is a directory, not a file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        }
        catch (NoSuchFileException e) {
            throw call.error(index, "no file exists at " + shown + "; this function works only with files that are distributed "
                    + "as part of the configuration source code, so if this file will be created by a resource in this configuration "
                    + "you must instead obtain this result from an attribute of that resource");
        }
        catch (IOException e) {
            throw call.error(index, "failed to read " + shown + ": " + e.getClass().getSimpleName());
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        }
        catch (CharacterCodingException e) {
            throw call.error(index, "contents of " + shown + " are not valid UTF-8; this function reads only UTF-8 text");
        }
    }

    Path resolve(Call call, int index)
            throws FunctionException
    {
        try {
            return baseDirectory.resolve(call.string(index)).normalize();
        }
        catch (InvalidPathException e) {
            throw call.error(index, "invalid path " + call.showText(index, call.string(index)));
        }
    }
}
