package dev.kiln.bench;

import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidateBenchmarkSmokeTest
{
    @Test
    @DisplayName("a small generated configuration loads without diagnostics and is measured once per run")
    void smallConfiguration(@TempDir Path directory)
            throws Exception
    {
        ValidateBenchmark.Settings settings = new ValidateBenchmark.Settings(60, 3, 1, 2, directory);
        ValidateBenchmark.Result result = ValidateBenchmark.run(settings, directory);
        assertEquals(4, result.files());
        assertEquals(java.util.List.of(), result.diagnostics(), "the generated configuration must be valid");
        assertTrue(result.valid());
        assertEquals(2, result.times().size());
    }
}
