package dev.kiln.state.backend;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

@DisplayName("local backend: the backend contract")
final class LocalBackendContractTest
        extends BackendContractTest
{
    @TempDir
    Path directory;

    @Override
    protected Backend newBackend()
    {
        return new LocalBackend(LocalBackendOptions.inDirectory(directory));
    }

    @Override
    protected Backend sameStorage(Backend backend)
    {
        return new LocalBackend(LocalBackendOptions.inDirectory(directory));
    }
}
