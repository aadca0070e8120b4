package dev.kiln.state.backend.s3;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("S3ProxyServer: the tests' S3 server")
final class S3ProxyServerTest
{
    @TempDir
    Path directory;

    @Test
    @DisplayName("serves objects, refuses a second create-if-absent, and keeps its data across a stop and a restart on the same port")
    void restartKeepsData()
    {
        try (S3ProxyServer server = S3ProxyServer.start(directory.resolve("s3"))) {
            server.createBucket("kiln");
            int port = server.port();
            try (S3Client client = server.client()) {
                client.putObject(request -> request.bucket("kiln").key("a/b").ifNoneMatch("*"), RequestBody.fromString("one"));
                S3Exception refused = assertThrows(S3Exception.class,
                        () -> client.putObject(request -> request.bucket("kiln").key("a/b").ifNoneMatch("*"), RequestBody.fromString("two")));
                assertEquals(412, refused.statusCode());

                server.stop();
                assertFalse(server.running());
                assertThrows(SdkClientException.class, () -> client.getObjectAsBytes(request -> request.bucket("kiln").key("a/b")));
                server.restart();
                assertTrue(server.running());
                assertEquals(port, server.port());
                assertEquals("one", client.getObjectAsBytes(request -> request.bucket("kiln").key("a/b")).asUtf8String());
            }
        }
    }
}
