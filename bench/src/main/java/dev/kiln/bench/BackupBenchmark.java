package dev.kiln.bench;

import dev.kiln.providers.backup.EtcdGateway;
import dev.kiln.state.blob.S3BlobSettings;
import dev.kiln.state.blob.S3BlobStore;
import dev.kiln.state.blob.StoredBlob;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The pieces of bench/run-backup.sh, one per mode:
 * <ul>
 * <li>{@code fill ETCD MIB}: writes MIB values of 1 MiB of random bytes into etcd (through its JSON gateway);</li>
 * <li>{@code upload S3 BUCKET KEY FILE}: the baseline's second half, a plain AWS SDK putObject of a file;</li>
 * <li>{@code kiln ETCD S3 BUCKET KEY}: Kiln's path, a snapshot streamed from etcd into the bucket (multipart, no temporary file).</li>
 * </ul>
 * Each prints one line: what it did, bytes, seconds.
 */
public final class BackupBenchmark
{
    static final String ACCESS_KEY = "bench";
    static final String SECRET_KEY = "bench-secret";

    private BackupBenchmark() {}

    public static void main(String[] arguments)
            throws Exception
    {
        long start = System.nanoTime();
        switch (arguments[0]) {
            case "fill" -> fill(URI.create(arguments[1]), Integer.parseInt(arguments[2]));
            case "upload" -> upload(URI.create(arguments[1]), arguments[2], arguments[3], Path.of(arguments[4]));
            case "kiln" -> kiln(URI.create(arguments[1]), URI.create(arguments[2]), arguments[3], arguments[4]);
            default -> throw new IllegalArgumentException("unknown mode " + arguments[0]);
        }
        System.out.printf("%s took %.2f s%n", arguments[0], (System.nanoTime() - start) / 1e9);
    }

    private static void fill(URI etcd, int mebibytes)
            throws Exception
    {
        HttpClient client = HttpClient.newHttpClient();
        RandomGenerator random = RandomGenerator.getDefault();
        byte[] value = new byte[1 << 20];
        for (int index = 0; index < mebibytes; index++) {
            random.nextBytes(value);
            String body = "{\"key\":\"" + Base64.getEncoder().encodeToString(("/bench/" + index).getBytes()) + "\",\"value\":\""
                    + Base64.getEncoder().encodeToString(value) + "\"}";
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(etcd.resolve("/v3/kv/put")).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("put " + index + ": HTTP " + response.statusCode() + " " + response.body());
            }
        }
        System.out.println("filled " + mebibytes + " MiB");
    }

    private static void upload(URI s3, String bucket, String key, Path file)
            throws Exception
    {
        try (S3Client client = S3Client.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(s3)
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.builder().build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build()) {
            try {
                client.createBucket(request -> request.bucket(bucket));
            }
            catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
                // Already there from an earlier run.
            }
            client.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromFile(file));
        }
        System.out.println("uploaded " + Files.size(file) + " bytes with putObject");
    }

    private static void kiln(URI etcd, URI s3, String bucket, String key)
            throws Exception
    {
        S3BlobSettings settings = new S3BlobSettings(Optional.of(s3), bucket, "us-east-1", "", Optional.of(ACCESS_KEY), Optional.of(SECRET_KEY),
                true, S3BlobSettings.DEFAULT_PART_SIZE);
        try (S3BlobStore store = S3BlobStore.open(settings)) {
            StoredBlob stored = new EtcdGateway(etcd).snapshot(content -> store.put(key, content));
            System.out.println("streamed " + stored.size() + " bytes, SHA-256 " + stored.sha256());
        }
    }
}
