package dev.kiln.planner.planfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Severity;
import dev.kiln.planner.plan.Plan;
import dev.kiln.state.StateException;
import dev.kiln.state.StateJson;
import dev.kiln.state.encryption.Content;
import dev.kiln.state.encryption.StateEncryption;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Saved plans ({@code kiln plan -out=FILE}): one JSON document with a format name and version,
 * the changes, the configuration's hash, the variables' values and the prior state's lineage
 * and serial. Without encryption, sensitive values are not written: a saved plan applied later
 * needs its sensitive variables given again. With encryption ({@link StateEncryption}) the
 * whole document is sealed and holds the sensitive variables' values too, so applying it needs
 * nothing given again. Written atomically, readable by the owner only.
 */
public final class PlanFile
{
    public static final int FORMAT_VERSION = 1;

    private PlanFile() {}

    public static void write(Path file, Plan plan, String kilnVersion)
            throws IOException
    {
        write(file, plan, kilnVersion, StateEncryption.none());
    }

    public static void write(Path file, Plan plan, String kilnVersion, StateEncryption encryption)
            throws IOException
    {
        requireNonNull(file, "file is null");
        requireNonNull(encryption, "encryption is null");
        requireNonNull(plan, "plan is null");
        requireNonNull(kilnVersion, "kilnVersion is null");
        Path absolute = file.toAbsolutePath();
        Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.write(temporary, content(plan, kilnVersion, encryption));
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static byte[] content(Plan plan, String kilnVersion, StateEncryption encryption)
    {
        byte[] json = StateJson.pretty(PlanFileCodec.encode(plan, kilnVersion, encryption.enabled())).getBytes(StandardCharsets.UTF_8);
        if (!encryption.enabled()) {
            return json;
        }
        byte[] sealed = encryption.seal(json, Content.PLAN);
        byte[] line = Arrays.copyOf(sealed, sealed.length + 1);
        line[sealed.length] = '\n';
        return line;
    }

    /** Reads a plan file written without encryption. */
    public static PlanFileResult read(Path file)
    {
        return read(file, StateEncryption.none());
    }

    /** Reads a plan file, sealed with {@code encryption}'s keys or plaintext. */
    public static PlanFileResult read(Path file, StateEncryption encryption)
    {
        requireNonNull(file, "file is null");
        requireNonNull(encryption, "encryption is null");
        String text;
        try {
            text = new String(encryption.open(Files.readAllBytes(file), Content.PLAN, file.toString()).plaintext(), StandardCharsets.UTF_8);
        }
        catch (StateException e) {
            return new PlanFileResult(Optional.empty(), List.of(e.diagnostic()));
        }
        catch (NoSuchFileException e) {
            return failed("Failed to read saved plan", "There is no plan file \"" + file + "\". Give the path kiln plan -out wrote.");
        }
        catch (IOException e) {
            return failed("Failed to read saved plan", "The plan file \"" + file + "\" could not be read: " + e.getMessage() + ".");
        }
        JsonNode root;
        try {
            root = StateJson.parse(text);
        }
        catch (JsonProcessingException e) {
            return failed("Invalid saved plan", "The file \"" + file + "\" is not a Kiln plan file: it is not valid JSON ("
                    + e.getOriginalMessage() + "). Make a new plan with kiln plan -out.");
        }
        if (!root.isObject() || !PlanFileCodec.FORMAT.equals(root.path("format").asText())) {
            return failed("Invalid saved plan", "The file \"" + file + "\" is not a Kiln plan file. Make a new plan with kiln plan -out.");
        }
        int version = root.path("format_version").asInt(-1);
        if (version != FORMAT_VERSION) {
            return failed("Unsupported plan file version", "The plan file \"" + file + "\" has format version " + version + ", and this Kiln reads version "
                    + FORMAT_VERSION + ". Apply it with the Kiln version that made it (" + root.path("kiln_version").asText("unknown") + "), or make a new plan.");
        }
        try {
            Plan plan = PlanFileCodec.decode(root);
            TreeSet<String> sensitive = new TreeSet<>();
            plan.variables().forEach((name, value) -> {
                if (value.sensitive() && !value.isWhollyKnown()) {
                    sensitive.add(name);
                }
            });
            SavedPlan saved = new SavedPlan(plan, PlanFileCodec.text(root, "kiln_version"), sensitive);
            return new PlanFileResult(Optional.of(saved), sensitive.isEmpty() ? List.of() : List.of(sensitiveNotSaved(sensitive)));
        }
        catch (MalformedPlanException e) {
            return failed("Invalid saved plan", "The plan file \"" + file + "\" is damaged: " + e.getMessage() + ". Make a new plan with kiln plan -out.");
        }
    }

    private static Diagnostic sensitiveNotSaved(TreeSet<String> names)
    {
        return new Diagnostic(
                Severity.WARNING,
                "Sensitive values not saved in plan",
                "The saved plan does not hold the values of the sensitive variables " + String.join(", ", names)
                        + ". Give them again (with -var, a variable file or the environment) when you apply it.",
                Optional.empty(),
                Optional.empty());
    }

    private static PlanFileResult failed(String summary, String detail)
    {
        return new PlanFileResult(Optional.empty(), List.of(Diagnostic.errorWithoutSource(summary, detail)));
    }
}
