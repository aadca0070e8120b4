package dev.kiln.lang.config.model;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequiredVersionTest
{
    @ParameterizedTest(name = "\"{0}\" with {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            ">= 0.1.0           | 0.1.0 | true",
            ">= 0.2.0           | 0.1.9 | false",
            ">= 0.1.0, < 1.0.0  | 0.9.3 | true",
            ">= 0.1.0, < 1.0.0  | 1.0.0 | false",
            "~> 0.1             | 0.9.0 | true",
            "~> 0.1             | 1.0.0 | false",
            "~> 0.1.2           | 0.1.7 | true",
            "~> 0.1.2           | 0.2.0 | false",
            "!= 0.1.0           | 0.1.0 | false",
            "0.1.0              | 0.1.0 | true",
            "= 0.1.0            | 0.1.1 | false",
    })
    @DisplayName("constraints follow Terraform's operators, ~> letting only the last written part grow")
    void allows(String constraint, String version, boolean allowed)
    {
        assertEquals(allowed, RequiredVersion.parse(constraint).orElseThrow().allows(version));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "latest", ">= ", ">= 0.1.0,", "=> 0.1.0", ">= 0.1.0 < 1.0.0"})
    @DisplayName("text that is not a list of conditions is no constraint")
    void rejects(String constraint)
    {
        assertTrue(RequiredVersion.parse(constraint).isEmpty());
    }
}
