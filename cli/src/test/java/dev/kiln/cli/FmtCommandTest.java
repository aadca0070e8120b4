package dev.kiln.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FmtCommandTest
{
    private static final String UNFORMATTED = "name=\"lab\"\n";
    private static final String FORMATTED = "name = \"lab\"\n";
    private static final String BROKEN = "name = {{\n";

    @TempDir
    Path directory;

    @BeforeEach
    void files()
            throws IOException
    {
        write("main.kiln.hcl", UNFORMATTED);
        write("tidy.kiln.hcl", FORMATTED);
        write("notes.txt", UNFORMATTED);
        write("sub/nested.kiln.hcl", UNFORMATTED);
        write(".kiln/cached.kiln.hcl", UNFORMATTED);
    }

    @Test
    @DisplayName("fmt rewrites the unformatted files of the working directory and prints their names")
    void formatsWorkingDirectory()
            throws IOException
    {
        CliRunner.Result result = CliRunner.in(directory).run("fmt");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("main.kiln.hcl\n", result.out());
        assertEquals(FORMATTED, read("main.kiln.hcl"));
        assertEquals(UNFORMATTED, read("notes.txt"));
        assertEquals(UNFORMATTED, read("sub/nested.kiln.hcl"));
    }

    @Test
    @DisplayName("fmt -recursive also formats subdirectories, but not hidden ones")
    void recursive()
            throws IOException
    {
        CliRunner.Result result = CliRunner.in(directory).run("fmt", "-recursive");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("main.kiln.hcl\nsub/nested.kiln.hcl\n", result.out());
        assertEquals(FORMATTED, read("sub/nested.kiln.hcl"));
        assertEquals(UNFORMATTED, read(".kiln/cached.kiln.hcl"));
    }

    @Test
    @DisplayName("fmt -check changes nothing, lists the files that would change, and exits 3")
    void check()
            throws IOException
    {
        CliRunner.Result result = CliRunner.in(directory).run("fmt", "-check");
        assertEquals(3, result.exitCode());
        assertEquals("main.kiln.hcl\n", result.out());
        assertEquals(UNFORMATTED, read("main.kiln.hcl"));
    }

    @Test
    @DisplayName("fmt -check on formatted files prints nothing and exits 0")
    void checkClean()
    {
        CliRunner.Result result = CliRunner.in(directory).run("fmt", "-check", "tidy.kiln.hcl");
        assertEquals(0, result.exitCode());
        assertEquals("", result.out());
    }

    @Test
    @DisplayName("fmt -diff prints a unified diff of each change")
    void diff()
    {
        CliRunner.Result result = CliRunner.in(directory).run("fmt", "-check", "-diff", "--list=false");
        assertEquals(3, result.exitCode());
        assertEquals("""
                --- old/main.kiln.hcl
                +++ new/main.kiln.hcl
                @@ -1,1 +1,1 @@
                -name="lab"
                +name = "lab"
                """, result.out());
    }

    @Test
    @DisplayName("fmt -list=false writes the files without printing their names")
    void listFalse()
            throws IOException
    {
        CliRunner.Result result = CliRunner.in(directory).run("fmt", "-list=false");
        assertEquals(0, result.exitCode());
        assertEquals("", result.out());
        assertEquals(FORMATTED, read("main.kiln.hcl"));
    }

    @Test
    @DisplayName("fmt with paths formats exactly those files and directories, named as given")
    void paths()
            throws IOException
    {
        CliRunner.Result result = CliRunner.in(directory).run("fmt", "notes.txt", "sub");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("notes.txt\nsub/nested.kiln.hcl\n", result.out());
        assertEquals(FORMATTED, read("notes.txt"));
        assertEquals(UNFORMATTED, read("main.kiln.hcl"));
    }

    @Test
    @DisplayName("fmt - reads standard input and writes the formatted text to standard output")
    void standardInput()
            throws IOException
    {
        CliRunner.Result result = CliRunner.in(directory).standardInput(UNFORMATTED).run("fmt", "-");
        assertEquals(0, result.exitCode());
        assertEquals(FORMATTED, result.out());
        CliRunner.Result check = CliRunner.in(directory).standardInput(UNFORMATTED).run("fmt", "-check", "-");
        assertEquals(3, check.exitCode());
        assertEquals(UNFORMATTED, read("main.kiln.hcl"));
    }

    @Test
    @DisplayName("a file with syntax errors is reported as a diagnostic, left untouched, and fmt exits 1")
    void syntaxError()
            throws IOException
    {
        write("broken.kiln.hcl", BROKEN);
        CliRunner.Result result = CliRunner.in(directory).run("fmt");
        assertEquals(1, result.exitCode());
        assertTrue(result.err().startsWith("Error: "), result.err());
        assertTrue(result.err().contains("on broken.kiln.hcl line "), result.err());
        assertEquals(BROKEN, read("broken.kiln.hcl"));
        assertEquals(FORMATTED, read("main.kiln.hcl"), "the other files are still formatted");
    }

    @Test
    @DisplayName("a path that does not exist is an error")
    void missingPath()
    {
        CliRunner.Result result = CliRunner.in(directory).run("fmt", "absent.kiln.hcl");
        assertEquals(1, result.exitCode());
        assertTrue(result.err().startsWith("Error: No file or directory\n\nThere is no file or directory at \"absent.kiln.hcl\"."), result.err());
    }

    @Test
    @DisplayName("-chdir applies to fmt's paths")
    void chdir()
            throws IOException
    {
        CliRunner.Result result = CliRunner.in(directory.getParent()).run("fmt", "-chdir=" + directory.getFileName(), "main.kiln.hcl");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("main.kiln.hcl\n", result.out());
        assertEquals(FORMATTED, read("main.kiln.hcl"));
    }

    private void write(String name, String content)
            throws IOException
    {
        Path file = directory.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private String read(String name)
            throws IOException
    {
        return Files.readString(directory.resolve(name), StandardCharsets.UTF_8);
    }
}
