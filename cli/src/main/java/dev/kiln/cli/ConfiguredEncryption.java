package dev.kiln.cli;

import dev.kiln.lang.config.EncryptionLoad;
import dev.kiln.lang.config.EncryptionSettingsLoader;
import dev.kiln.lang.config.VariableInputs;
import dev.kiln.lang.config.model.EncryptionSettings;
import dev.kiln.lang.config.model.Setting;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Severity;
import dev.kiln.state.encryption.KeyFileProvider;
import dev.kiln.state.encryption.KeyProvider;
import dev.kiln.state.encryption.KeyUse;
import dev.kiln.state.encryption.Pbkdf2KeyProvider;
import dev.kiln.state.encryption.StateEncryption;
import dev.kiln.state.lock.LockHandle;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The state encryption the configuration asks for ({@code kiln { encryption }}), set on the
 * workspace before any state, journal or plan file is read: the keys come from the variables
 * the block names ({@code -var}, variable files, {@code KILN_VAR_*}). A block in error is shown
 * with its place and stops the command before anything is read or written.
 */
final class ConfiguredEncryption
{
    private ConfiguredEncryption() {}

    /** Sets the workspace's encryption from the configuration; false (after showing why) when the block has errors. */
    static boolean configure(Workspace workspace, VariableInputs inputs)
    {
        EncryptionLoad load = EncryptionSettingsLoader.load(workspace.directory(), inputs);
        if (load.hasErrors()) {
            workspace.show(load.diagnostics(), load.sources());
            return false;
        }
        workspace.encryptWith(load.settings().map(settings -> encryption(settings, workspace.directory())).orElse(StateEncryption.none()));
        return true;
    }

    /** For commands without -var options: the keys come from variable defaults and the environment's {@code KILN_VAR_*}. */
    static boolean configure(Workspace workspace)
    {
        return configure(workspace, VariableInputs.builder().environment(workspace.invocation().environment()).build());
    }

    /**
     * Under the lock, writes the stored state again with the primary key when it is still
     * plaintext (encryption was just configured) or under the fallback key (a rotation), and
     * says so; its backup and history copies go with it.
     */
    static void resealStored(Workspace workspace, LockHandle lock)
    {
        Optional<KeyUse> before = workspace.backend().resealStored(lock);
        before.ifPresent(use -> workspace.show(List.of(new Diagnostic(Severity.WARNING,
                use == KeyUse.PLAINTEXT ? "State encrypted" : "State encrypted with the new key",
                use == KeyUse.PLAINTEXT
                        ? "The state " + workspace.backend().location() + " was stored in plaintext; it is now encrypted with the configured key, "
                                + "with its backup and history copies. From now on it can only be read with that key."
                        : "The state " + workspace.backend().location() + " was encrypted with the fallback key; it is now encrypted with the new key, "
                                + "with its backup and history copies. Once every saved plan made with the old key is applied or discarded, remove the fallback block.",
                Optional.empty(), Optional.empty()))));
    }

    static StateEncryption encryption(EncryptionSettings settings, Path directory)
    {
        return StateEncryption.of(keyProvider(settings, directory), settings.fallback().map(fallback -> keyProvider(fallback, directory)));
    }

    private static KeyProvider keyProvider(EncryptionSettings settings, Path directory)
    {
        if (settings.passphrase().isPresent()) {
            return new Pbkdf2KeyProvider(known(settings.passphrase().get()));
        }
        return KeyFileProvider.read(directory.resolve(known(settings.keyFile().orElseThrow())));
    }

    /** The loader reports every unknown or missing value, so what reaches here is known. */
    private static String known(Setting<String> setting)
    {
        return setting.known().orElseThrow(() -> new IllegalStateException("encryption key setting not known at " + setting.range()));
    }
}
