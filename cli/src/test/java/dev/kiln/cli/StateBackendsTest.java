package dev.kiln.cli;

import dev.kiln.lang.config.ConfigLoader;
import dev.kiln.lang.config.LoadResult;
import dev.kiln.lang.config.VariableInputs;
import dev.kiln.lang.config.model.Model;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the configuration keeps the state: the local path, and the S3 history from the block or the environment. */
class StateBackendsTest
{
    @TempDir
    Path directory;

    @ParameterizedTest(name = "history {0}, KILN_STATE_HISTORY \"{1}\": {2} versions kept")
    @DisplayName("The S3 history comes from the block's history, overridden by KILN_STATE_HISTORY, 20 without either")
    @CsvSource(delimiter = '|', value = {
            "     | ''  | 20",
            "7    | ''  | 7",
            "7    | 3   | 3",
            "     | 12  | 12",
            "1    | 0   | 1",
    })
    void s3History(String history, String environment, int kept)
            throws IOException
    {
        String setting = history == null ? "" : "\n    history = " + history;
        Model model = load("kiln {\n  state \"s3\" {\n    bucket = \"kiln\"\n    key    = \"prod.json\"" + setting + "\n  }\n}\n");
        Map<String, String> variables = environment.isEmpty() ? Map.of() : Map.of(StateBackends.HISTORY_VARIABLE, environment);
        StateBackends.Choice choice = StateBackends.choice(model, variables);
        assertEquals(kept, choice.s3().orElseThrow().historyLimit());
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("The local backend's path comes from state \"local\" { path }, kiln.state without it")
    @CsvSource(delimiter = '|', value = {
            "                                                      | kiln.state",
            "kiln {\\n}                                              | kiln.state",
            "kiln {\\n  state \"local\" {\\n  }\\n}                  | kiln.state",
            "kiln {\\n  state \"local\" {\\n    path = \"a/b.state\"\\n  }\\n} | a/b.state",
    })
    void localPath(String kiln, String path)
            throws IOException
    {
        Model model = load(kiln == null ? "" : kiln.replace("\\n", "\n"));
        StateBackends.Choice choice = StateBackends.choice(model, Map.of());
        assertTrue(choice.s3().isEmpty());
        assertEquals(path, choice.localPath());
        assertEquals(!path.equals("kiln.state"), !choice.record().sameStorage(BackendRecord.LOCAL));
    }

    private Model load(String kiln)
            throws IOException
    {
        Files.writeString(directory.resolve("main.kiln.hcl"), kiln + "\nprovider \"sim\" {\n  speed = 100\n}\n");
        LoadResult loaded = ConfigLoader.load(directory, VariableInputs.builder().build());
        assertFalse(loaded.hasErrors(), () -> loaded.diagnostics().toString());
        return loaded.config().orElseThrow().model();
    }
}
