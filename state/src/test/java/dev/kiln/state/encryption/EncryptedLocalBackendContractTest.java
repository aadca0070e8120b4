package dev.kiln.state.encryption;

import dev.kiln.state.backend.Backend;
import dev.kiln.state.backend.BackendContractTest;
import dev.kiln.state.backend.LocalBackend;
import dev.kiln.state.backend.LocalBackendOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

@DisplayName("local backend with encryption: the backend contract")
final class EncryptedLocalBackendContractTest
        extends BackendContractTest
{
    @TempDir
    Path directory;

    @Override
    protected Backend newBackend()
    {
        return new LocalBackend(LocalBackendOptions.inDirectory(directory).withEncryption(TestKeys.encryption(TestKeys.NEW_PASSPHRASE)));
    }

    @Override
    protected Backend sameStorage(Backend backend)
    {
        return new LocalBackend(LocalBackendOptions.inDirectory(directory).withEncryption(TestKeys.encryption(TestKeys.NEW_PASSPHRASE)));
    }
}
