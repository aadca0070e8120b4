package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.EncryptionSettings;
import dev.kiln.lang.config.model.KilnSettings;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.KilnVersion;
import dev.kiln.lang.config.model.RequiredVersion;
import dev.kiln.lang.config.model.StateSettings;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;

import java.util.List;

/**
 * The {@code kiln} block: a valid version constraint, parallelism at least 1, a known server-side
 * encryption and a state history of at least 1 version, one key source for state encryption.
 */
final class KilnSettingsRule
        implements ModelRule
{
    static final List<String> SERVER_SIDE_ENCRYPTIONS = List.of("AES256", "aws:kms");
    static final List<String> ENCRYPTION_METHODS = List.of("aes_gcm");
    /** The method's first spelling, still accepted. */
    private static final String LEGACY_AES_GCM = "aes-gcm";

    @Override
    public void check(Model model, Diagnostics diagnostics)
    {
        if (model.kiln().isEmpty()) {
            return;
        }
        KilnSettings settings = model.kiln().get();
        settings.requiredVersion().ifPresent(required -> required.known()
                .filter(constraint -> RequiredVersion.parse(constraint).isEmpty())
                .ifPresent(constraint -> diagnostics.add(Diagnostic.error(
                        "Invalid version constraint",
                        "required_version \"" + required.shown(constraint) + "\" is not a version constraint. Write conditions separated by commas, each an operator "
                                + "(=, !=, >, >=, <, <=, ~>) and a version, such as \">= 0.1.0, < 1.0.0\".",
                        required.range()))));
        checkRunningVersion(settings, KilnVersion.current(), diagnostics);
        settings.parallelism().known().filter(parallelism -> parallelism < 1).ifPresent(parallelism -> diagnostics.add(Diagnostic.error(
                "Invalid parallelism",
                "parallelism is " + settings.parallelism().shown(parallelism) + "; an apply must be able to run at least 1 action at a time.",
                settings.parallelism().range())));
        if (settings.state() instanceof StateSettings.S3State s3) {
            s3.serverSideEncryption().ifPresent(sse -> sse.known().filter(value -> !SERVER_SIDE_ENCRYPTIONS.contains(value)).ifPresent(value -> diagnostics.add(
                    Diagnostic.error(
                            "Unsupported value",
                            "sse must be \"AES256\" or \"aws:kms\", not \"" + sse.shown(value) + "\"." + Suggestions.didYouMean(sse, value, SERVER_SIDE_ENCRYPTIONS),
                            sse.range()))));
            s3.history().known().filter(history -> history < 1).ifPresent(history -> diagnostics.add(Diagnostic.error(
                    "Invalid state history",
                    "history is " + s3.history().shown(history) + "; the S3 backend keeps at least the last version it replaced. "
                            + "Set it to 1 or more, or leave it out to keep 20.",
                    s3.history().range())));
        }
        settings.encryption().ifPresent(encryption -> checkEncryption(encryption, diagnostics));
    }

    /**
     * A configuration that requires another Kiln than this one is refused before anything else
     * runs. A development build ({@code 0.2.0-SNAPSHOT}) counts as the release it leads to.
     */
    static void checkRunningVersion(KilnSettings settings, String running, Diagnostics diagnostics)
    {
        if (running.equals("unknown")) {
            return;
        }
        String release = running.replaceFirst("-.*$", "");
        settings.requiredVersion().ifPresent(required -> required.known().ifPresent(constraint -> RequiredVersion.parse(constraint)
                .filter(parsed -> !parsed.allows(release))
                .ifPresent(parsed -> diagnostics.add(Diagnostic.error(
                        "Unsupported Kiln version",
                        "This configuration requires Kiln " + required.shown(constraint) + ", but this is Kiln " + running + ". Use a Kiln "
                                + "release that meets the constraint, or change required_version if the configuration works with this one.",
                        required.range())))));
    }

    static void checkEncryption(EncryptionSettings encryption, Diagnostics diagnostics)
    {
        encryption.method().known().filter(method -> !ENCRYPTION_METHODS.contains(method) && !method.equals(LEGACY_AES_GCM)).ifPresent(method -> diagnostics.add(Diagnostic.error(
                "Unsupported value",
                "method must be \"aes_gcm\" (AES-256-GCM), not \"" + encryption.method().shown(method) + "\"." + Suggestions.didYouMean(encryption.method(), method, ENCRYPTION_METHODS),
                encryption.method().range())));
        if (encryption.passphrase().isPresent() == encryption.keyFile().isPresent()) {
            diagnostics.add(Diagnostic.error(
                    "Missing or conflicting encryption key",
                    "State encryption needs one key source: key_provider \"pbkdf2\" { passphrase } (or passphrase) or key_provider \"key_file\" { path } "
                            + "(or key_file), exactly one of them.",
                    encryption.keyFile().map(setting -> setting.range()).orElse(encryption.range())));
        }
        encryption.fallback().ifPresent(fallback -> checkEncryption(fallback, diagnostics));
    }
}
