package dev.kiln.lang.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Values for input variables from outside the configuration: {@code -var name=value} and
 * {@code -var-file path} options in command-line order (later ones win), and the
 * environment, where {@code KILN_VAR_name} sets {@code name} (below every option).
 * {@code unsetAllowed} is for {@code kiln validate}, which checks a configuration whatever
 * values it will be given: a variable with neither a value nor a default is then unknown
 * ("known after apply") instead of an error, so every later check treats it as any value.
 */
public record VariableInputs(List<CommandLineInput> commandLine, Map<String, String> environment, boolean unsetAllowed)
{
    public static final String ENVIRONMENT_PREFIX = "KILN_VAR_";

    public VariableInputs
    {
        commandLine = List.copyOf(commandLine);
        environment = Map.copyOf(environment);
    }

    public static VariableInputs none()
    {
        return new VariableInputs(List.of(), Map.of(), false);
    }

    /** The same inputs, with variables that have neither value nor default left unknown (for {@code validate}). */
    public VariableInputs withUnsetAllowed()
    {
        return new VariableInputs(commandLine, environment, true);
    }

    public static Builder builder()
    {
        return new Builder();
    }

    /** One option as given on the command line. */
    public sealed interface CommandLineInput
    {
        /** {@code -var name=value}: {@code text} is {@code name=value}. */
        record Assignment(String text)
                implements CommandLineInput
        {
            public Assignment
            {
                requireNonNull(text, "text is null");
            }
        }

        /** {@code -var-file path}: an HCL file of {@code name = value} lines. */
        record File(Path path)
                implements CommandLineInput
        {
            public File
            {
                requireNonNull(path, "path is null");
            }
        }
    }

    public static final class Builder
    {
        private final List<CommandLineInput> commandLine = new ArrayList<>();
        private final Map<String, String> environment = new TreeMap<>();
        private boolean unsetAllowed;

        private Builder() {}

        public Builder variable(String assignment)
        {
            commandLine.add(new CommandLineInput.Assignment(assignment));
            return this;
        }

        public Builder variableFile(Path path)
        {
            commandLine.add(new CommandLineInput.File(path));
            return this;
        }

        /** The process environment (or a test's); only {@code KILN_VAR_} entries are used. */
        public Builder environment(Map<String, String> environment)
        {
            this.environment.putAll(environment);
            return this;
        }

        /** Variables without value or default become unknown rather than an error (for {@code validate}). */
        public Builder allowUnset()
        {
            this.unsetAllowed = true;
            return this;
        }

        public VariableInputs build()
        {
            return new VariableInputs(commandLine, environment, unsetAllowed);
        }
    }
}
