package dev.kiln.lang.functions;

import dev.kiln.lang.eval.Function;
import dev.kiln.lang.eval.FunctionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.kiln.lang.functions.FunctionCalls.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileFunctionsTest
{
    @TempDir
    Path directory;

    private Map<String, Function> functions;

    @BeforeEach
    void setUp()
            throws IOException
    {
        Files.writeString(directory.resolve("hello.txt"), "Hello World\n");
        Files.createDirectories(directory.resolve("keys"));
        Files.writeString(directory.resolve("keys/id.pub"), "ssh-ed25519 AAAA kiln\n");
        Files.write(directory.resolve("binary.dat"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});
        functions = StandardFunctions.create(directory);
    }

    private Value call(String name, Value... arguments)
            throws FunctionException
    {
        return functions.get(name).call(List.of(arguments));
    }

    @Test
    @DisplayName("file reads UTF-8 text relative to the configuration directory, or from an absolute path")
    void readsFiles()
            throws FunctionException
    {
        assertEquals(Value.string("Hello World\n"), call("file", Value.string("hello.txt")));
        assertEquals(Value.string("ssh-ed25519 AAAA kiln\n"), call("file", Value.string("./keys/../keys/id.pub")));
        assertEquals(Value.string("Hello World\n"), call("file", Value.string(directory.resolve("hello.txt").toString())));
    }

    @Test
    @DisplayName("file names the missing path, a directory, or text that is not UTF-8")
    void fileErrors()
    {
        FunctionException missing = assertFails("no file exists at \"missing.txt\"; *", () -> call("file", Value.string("missing.txt")));
        assertEquals(0, missing.argumentIndex().orElseThrow());
        assertFails("\"keys\" is a directory, not a file.", () -> call("file", Value.string("keys")));
        assertFails("contents of \"binary.dat\" are not valid UTF-8; this function reads only UTF-8 text.", () -> call("file", Value.string("binary.dat")));
    }

    @Test
    @DisplayName("fileexists is true for a file, false for a missing path, and an error for a directory")
    void fileExists()
            throws FunctionException
    {
        assertEquals(Value.bool(true), call("fileexists", Value.string("hello.txt")));
        assertEquals(Value.bool(false), call("fileexists", Value.string("nope.txt")));
        assertFails("\"keys\" exists but is not a regular file.", () -> call("fileexists", Value.string("keys")));
    }

    @Test
    @DisplayName("abspath resolves against the configuration directory and cleans the path")
    void absolutePath()
            throws FunctionException
    {
        String expected = directory.toAbsolutePath().normalize().resolve("keys/id.pub").toString();
        assertEquals(Value.string(expected), call("abspath", Value.string("keys/./x/../id.pub")));
        assertEquals(Value.string("/etc/hosts"), call("abspath", Value.string("/etc/../etc/hosts")));
    }

    @Test
    @DisplayName("a sensitive path makes the content sensitive and is not shown in errors")
    void sensitivePath()
            throws FunctionException
    {
        assertTrue(call("file", new Value.StringValue("hello.txt", true)).sensitive());
        FunctionException exception = assertFails("no file exists at (sensitive value); *", () -> call("file", new Value.StringValue("secret-name.txt", true)));
        assertFalse(exception.getMessage().contains("secret-name"));
    }

    @Test
    @DisplayName("an unknown path gives an unknown result")
    void unknownPath()
            throws FunctionException
    {
        assertEquals(Value.unknown(Type.STRING), call("file", Value.unknown(Type.STRING)));
        assertEquals(Value.unknown(Type.BOOL), call("fileexists", Value.unknown(Type.STRING)));
    }

    @Test
    @DisplayName("file reads the same content on every call")
    void deterministic()
            throws FunctionException, IOException
    {
        Files.writeString(directory.resolve("utf8.txt"), "żółw ✓", StandardCharsets.UTF_8);
        assertEquals(call("file", Value.string("utf8.txt")), call("file", Value.string("utf8.txt")));
        assertEquals(Value.string("żółw ✓"), call("file", Value.string("utf8.txt")));
    }
}
