package dev.kiln.state.blob;

import org.gaul.s3proxy.junit.S3ProxyJunitCore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("S3BlobStore against S3Proxy")
class S3BlobStoreTest
        extends BlobStoreContract
{
    private static final String ACCESS_KEY = "access";
    private static final String SECRET_KEY = "secret-key-never-shown";

    private static S3ProxyJunitCore server;
    private static S3BlobStore store;
    private String prefix;

    @BeforeAll
    static void start()
            throws Exception
    {
        server = new S3ProxyJunitCore.Builder().withCredentials(ACCESS_KEY, SECRET_KEY).build();
        server.beforeEach();
        store = S3BlobStore.open(settings("backups", "etcd"));
    }

    @AfterAll
    static void stop()
    {
        if (store != null) {
            store.close();
        }
        if (server != null) {
            server.afterEach();
        }
    }

    static S3BlobSettings settings(String bucket, String keyPrefix)
    {
        return new S3BlobSettings(Optional.of(server.getUri()), bucket, "us-east-1", keyPrefix,
                Optional.of(ACCESS_KEY), Optional.of(SECRET_KEY), true, S3BlobSettings.MINIMUM_PART_SIZE);
    }

    @BeforeEach
    void name(TestInfo test)
    {
        prefix = test.getTestMethod().orElseThrow().getName() + "-" + Math.abs(test.getDisplayName().hashCode()) + "/";
    }

    @Override
    protected BlobStore store()
    {
        return store;
    }

    @Override
    protected String prefix()
    {
        return prefix;
    }

    @Test
    @DisplayName("Opening a store creates its bucket when it does not exist, and keys live under the prefix")
    void createsBucket()
            throws Exception
    {
        try (S3BlobStore fresh = S3BlobStore.open(settings("fresh-bucket", "a/b"));
                S3Client client = client()) {
            fresh.put("x", java.io.InputStream.nullInputStream());
            assertTrue(client.headObject(request -> request.bucket("fresh-bucket").key("a/b/x")).contentLength() == 0);
            assertEquals("s3://fresh-bucket/a/b/", fresh.location());
        }
    }

    @Test
    @DisplayName("Connecting only to look creates no bucket, and a missing bucket lists no blobs")
    void connectCreatesNothing()
            throws Exception
    {
        try (S3BlobStore looking = S3BlobStore.connect(settings("never-created", ""));
                S3Client client = client()) {
            assertEquals(java.util.List.of(), looking.list(""));
            assertFalse(looking.exists("x"));
            assertTrue(client.listBuckets().buckets().stream().noneMatch(bucket -> bucket.name().equals("never-created")));
        }
    }

    @Test
    @DisplayName("A multipart upload that fails midway is aborted: no object, no parts left in the bucket")
    void abortsFailedUpload()
            throws Exception
    {
        assertThrows(IOException.class, () -> store.put(prefix + "aborted", new FailingStream(LARGE)));
        try (S3Client client = client()) {
            assertEquals(0, client.listMultipartUploads(request -> request.bucket("backups")).uploads().size());
        }
        assertFalse(store.exists(prefix + "aborted"));
    }

    @Test
    @DisplayName("A stream that knows its length goes in one streamed PUT; one that delivers another count stores nothing")
    void knownLength()
            throws Exception
    {
        StoredBlob stored = store.put(prefix + "known", new SizedStream(LARGE, LARGE));
        assertEquals(LARGE, stored.size());
        assertEquals(sha256(new PatternStream(LARGE).readAllBytes()), stored.sha256());
        try (S3Client client = client()) {
            assertEquals(0, client.listMultipartUploads(request -> request.bucket("backups")).uploads().size());
        }
        assertThrows(IOException.class, () -> store.put(prefix + "longer", new SizedStream(1_000_000, 999_000)));
        assertFalse(store.exists(prefix + "longer"));
        assertThrows(IOException.class, () -> store.put(prefix + "shorter", new SizedStream(999_000, 1_000_000)));
        assertFalse(store.exists(prefix + "shorter"));
    }

    /** {@code actual} bytes of the pattern, announcing {@code announced}. */
    private static final class SizedStream
            extends java.io.FilterInputStream
            implements KnownLength
    {
        private final long announced;

        SizedStream(long actual, long announced)
        {
            super(new PatternStream(actual));
            this.announced = announced;
        }

        @Override
        public long length()
        {
            return announced;
        }
    }

    @Test
    @DisplayName("Wrong credentials are an error naming the store, never the secret")
    void wrongCredentials()
    {
        S3BlobSettings wrong = new S3BlobSettings(Optional.of(server.getUri()), "backups", "us-east-1", "",
                Optional.of(ACCESS_KEY), Optional.of("not-the-secret"), true, S3BlobSettings.MINIMUM_PART_SIZE);
        IOException thrown = assertThrows(IOException.class, () -> S3BlobStore.open(wrong).close());
        assertTrue(thrown.getMessage().contains("s3://backups/"), thrown.getMessage());
        assertFalse(thrown.getMessage().contains("not-the-secret"), thrown.getMessage());
        assertFalse(wrong.toString().contains("not-the-secret"));
    }

    private static S3Client client()
    {
        return S3Client.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(server.getUri())
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }
}
