package dev.kiln.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.state.OutputValue;
import dev.kiln.state.ResourceInstance;
import dev.kiln.state.State;
import dev.kiln.state.StateCodec;
import dev.kiln.state.StateJson;
import dev.kiln.state.backend.s3.S3Backend;
import dev.kiln.state.backend.s3.S3BackendOptions;
import dev.kiln.state.lock.LockAttempt;
import dev.kiln.state.lock.LockHandle;
import dev.kiln.state.lock.LockRequest;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The S3 state backend against an S3 server: upload and download of a state of
 * {@code --state-mb} megabytes (the bare SDK PUT/GET of the same bytes beside the backend's
 * write and read, which add the codec, the lock check, the conditional write and the history
 * copy), and the latency of taking and releasing the lock ({@code --lock-rounds} rounds,
 * median and 95th percentile).
 *
 * <pre>java -cp kiln-bench.jar dev.kiln.bench.StateS3Benchmark --endpoint http://127.0.0.1:9000 --access-key KEY --secret-key SECRET
 *     [--bucket kiln-bench] [--state-mb 50] [--repeats 3] [--lock-rounds 200]</pre>
 */
public final class StateS3Benchmark
{
    private static final LockRequest REQUEST = LockRequest.forThisProcess("bench", "0.1.0");

    record Settings(URI endpoint, String accessKey, String secretKey, String bucket, int stateMegabytes, int repeats, int lockRounds)
    {
        static Settings parse(String[] args)
        {
            URI endpoint = null;
            String accessKey = null;
            String secretKey = null;
            String bucket = "kiln-bench";
            int megabytes = 50;
            int repeats = 3;
            int lockRounds = 200;
            for (int index = 0; index + 1 < args.length; index += 2) {
                String value = args[index + 1];
                switch (args[index]) {
                    case "--endpoint" -> endpoint = URI.create(value);
                    case "--access-key" -> accessKey = value;
                    case "--secret-key" -> secretKey = value;
                    case "--bucket" -> bucket = value;
                    case "--state-mb" -> megabytes = Integer.parseInt(value);
                    case "--repeats" -> repeats = Integer.parseInt(value);
                    case "--lock-rounds" -> lockRounds = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[index]);
                }
            }
            if (endpoint == null || accessKey == null || secretKey == null) {
                throw new IllegalArgumentException("--endpoint, --access-key and --secret-key are required");
            }
            return new Settings(endpoint, accessKey, secretKey, bucket, megabytes, repeats, lockRounds);
        }
    }

    private StateS3Benchmark() {}

    public static void main(String[] args)
    {
        Settings settings = Settings.parse(args);
        S3BackendOptions options = S3BackendOptions.of(settings.bucket(), "bench/" + UUID.randomUUID() + "/kiln.state.json", "us-east-1")
                .withEndpoint(settings.endpoint(), true)
                .withCredentials(settings.accessKey(), settings.secretKey());
        try (S3Client client = client(settings)) {
            if (client.listBuckets().buckets().stream().noneMatch(bucket -> bucket.name().equals(settings.bucket()))) {
                client.createBucket(request -> request.bucket(settings.bucket()));
            }
            State state = stateOf(settings.stateMegabytes() * 1_000_000L);
            byte[] bytes = StateCodec.standard().encode(state).getBytes(StandardCharsets.UTF_8);
            System.out.printf(Locale.ROOT, "state: %d resource instances, %.1f MB encoded%n", state.resources().size(), bytes.length / 1e6);
            transfers(settings, client, options, state, bytes);
        }
        try (S3Backend backend = new S3Backend(options.withKey("bench/" + UUID.randomUUID() + "/locks.json"))) {
            locks(settings, backend);
        }
    }

    private static void transfers(Settings settings, S3Client client, S3BackendOptions options, State state, byte[] bytes)
    {
        String rawKey = options.key() + ".raw";
        List<Double> put = new ArrayList<>();
        List<Double> get = new ArrayList<>();
        List<Double> write = new ArrayList<>();
        List<Double> read = new ArrayList<>();
        try (S3Backend backend = new S3Backend(options)) {
            State current = state;
            for (int repeat = 0; repeat < settings.repeats(); repeat++) {
                put.add(seconds(() -> client.putObject(request -> request.bucket(settings.bucket()).key(rawKey), RequestBody.fromBytes(bytes))));
                get.add(seconds(() -> client.getObjectAsBytes(request -> request.bucket(settings.bucket()).key(rawKey))));
                State next = current.withKilnVersion("0.1." + repeat).toBuilder()
                        .putOutput("round", new OutputValue(StateJson.object().put("round", repeat), false))
                        .build();
                LockHandle lock = backend.lock(REQUEST, Duration.ZERO);
                State[] written = new State[1];
                write.add(seconds(() -> written[0] = backend.write(next, lock).state()));
                backend.unlock(lock);
                current = written[0];
                read.add(seconds(backend::read));
            }
        }
        report("SDK PutObject (bytes only)", put);
        report("SDK GetObject (bytes only)", get);
        report("S3Backend.write (encode, lock check, read, If-Match PUT, history copy)", write);
        report("S3Backend.read (GET, decode)", read);
    }

    private static void locks(Settings settings, S3Backend backend)
    {
        long[] acquire = new long[settings.lockRounds()];
        long[] release = new long[settings.lockRounds()];
        for (int round = 0; round < settings.lockRounds(); round++) {
            long start = System.nanoTime();
            LockAttempt attempt = backend.tryLock(REQUEST);
            long acquired = System.nanoTime();
            LockHandle handle = ((LockAttempt.Acquired) attempt).handle();
            backend.unlock(handle);
            long released = System.nanoTime();
            acquire[round] = acquired - start;
            release[round] = released - acquired;
        }
        System.out.printf(Locale.ROOT, "lock acquire (If-None-Match PUT): median %.1f ms, p95 %.1f ms over %d rounds%n",
                percentile(acquire, 50), percentile(acquire, 95), settings.lockRounds());
        System.out.printf(Locale.ROOT, "lock release (GET, DELETE):       median %.1f ms, p95 %.1f ms%n", percentile(release, 50), percentile(release, 95));
    }

    /** A state of at least {@code bytes} encoded bytes: nodes with a few kilobytes of attributes each. */
    private static State stateOf(long bytes)
    {
        State.Builder builder = State.create("0.1.0").toBuilder();
        String padding = "x".repeat(1500);
        long estimated = 0;
        for (int index = 0; estimated < bytes; index++) {
            ObjectNode attributes = StateJson.object()
                    .put("address", "10.%d.%d.%d".formatted(index / 65536 % 256, index / 256 % 256, index % 256))
                    .put("hostname", "node-" + index)
                    .put("notes", padding);
            builder.putResource(ResourceInstance.created(ResourceAddress.of("node", "n" + index), "sim", attributes, Instant.EPOCH));
            estimated += 1900;
        }
        return builder.build();
    }

    private static S3Client client(Settings settings)
    {
        return S3Client.builder()
                .endpointOverride(settings.endpoint())
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(120)))
                .build();
    }

    private static double seconds(Runnable action)
    {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static void report(String what, List<Double> seconds)
    {
        double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-75s median %.2f s (runs: %s)%n", what, sorted[sorted.length / 2],
                Arrays.toString(seconds.stream().map(value -> String.format(Locale.ROOT, "%.2f", value)).toArray()));
    }

    private static double percentile(long[] nanos, int percentile)
    {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
