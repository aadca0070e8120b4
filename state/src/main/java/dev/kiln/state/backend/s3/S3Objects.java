package dev.kiln.state.backend.s3;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.state.StateException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The few S3 operations the backend needs, on one bucket, with conditional writes and every
 * failure turned into a {@link StateException} naming the bucket, key and step (never the
 * credentials). The SDK client costs ~0.6 s to build, so it is built on first use.
 */
final class S3Objects
        implements AutoCloseable
{
    private static final int PRECONDITION_FAILED = 412;
    private static final int CONFLICT = 409;
    private static final int NOT_FOUND = 404;

    /** A stored object: its bytes, ETag, last change and the server's clock when it answered. */
    record StoredObject(byte[] bytes, String etag, Instant lastModified, Instant serverTime) {}

    /** The outcome of a conditional write: the new ETag, or empty when the condition did not hold. */
    record Written(Optional<String> etag) {}

    private final S3BackendOptions options;
    private S3Client client;

    S3Objects(S3BackendOptions options)
    {
        this.options = options;
    }

    String bucket()
    {
        return options.bucket();
    }

    Optional<StoredObject> get(String key, String step)
    {
        try {
            ResponseBytes<GetObjectResponse> response = client().getObjectAsBytes(request -> request.bucket(options.bucket()).key(key));
            GetObjectResponse object = response.response();
            Instant serverTime = object.sdkHttpResponse().firstMatchingHeader("Date").flatMap(S3Objects::httpDate).orElseGet(Instant::now);
            return Optional.of(new StoredObject(response.asByteArrayUnsafe(), object.eTag(), object.lastModified(), serverTime));
        }
        catch (NoSuchKeyException e) {
            return Optional.empty();
        }
        catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND && !"NoSuchBucket".equals(errorCode(e))) {
                return Optional.empty();
            }
            throw failure(step, key, e);
        }
        catch (SdkException e) {
            throw failure(step, key, e);
        }
    }

    /** The object's ETag (a HEAD request), or empty when there is no such object. */
    Optional<String> etag(String key, String step)
    {
        try {
            return Optional.of(client().headObject(request -> request.bucket(options.bucket()).key(key)).eTag());
        }
        catch (NoSuchKeyException e) {
            return Optional.empty();
        }
        catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND && !bucketMissing()) {
                return Optional.empty();
            }
            throw failure(step, key, e);
        }
        catch (SdkException e) {
            throw failure(step, key, e);
        }
    }

    /** Creates {@code key} only if no object has that key ({@code If-None-Match: *}). */
    Written create(String key, byte[] content, String step)
    {
        return conditionalPut(key, content, step, request -> request.ifNoneMatch("*"));
    }

    /** Replaces {@code key} only if its ETag is still {@code etag} ({@code If-Match}). */
    Written replace(String key, byte[] content, String etag, String step)
    {
        return conditionalPut(key, content, step, request -> request.ifMatch(etag));
    }

    /** {@link #create} of a state document: with the configured server-side encryption. */
    Written createState(String key, byte[] content, String step)
    {
        return conditionalPut(key, content, step, request -> encrypted(request).ifNoneMatch("*"));
    }

    /** {@link #replace} of a state document: with the configured server-side encryption. */
    Written replaceState(String key, byte[] content, String etag, String step)
    {
        return conditionalPut(key, content, step, request -> encrypted(request).ifMatch(etag));
    }

    /** Copies {@code source} to {@code target} on the server, if the source's ETag is still {@code etag}. */
    void copy(String source, String etag, String target, String step)
    {
        try {
            client().copyObject(request -> {
                request.sourceBucket(options.bucket()).sourceKey(source).copySourceIfMatch(etag)
                        .destinationBucket(options.bucket()).destinationKey(target);
                options.serverSideEncryption().ifPresent(request::serverSideEncryption);
                options.kmsKeyId().ifPresent(request::ssekmsKeyId);
            });
        }
        catch (SdkException e) {
            throw failure(step, target, e);
        }
    }

    void delete(String key, String step)
    {
        try {
            client().deleteObject(request -> request.bucket(options.bucket()).key(key));
        }
        catch (SdkException e) {
            throw failure(step, key, e);
        }
    }

    /** The keys under {@code prefix}, in the server's (lexicographic) order. */
    List<String> list(String prefix, String step)
    {
        try {
            return client().listObjectsV2Paginator(request -> request.bucket(options.bucket()).prefix(prefix)).contents().stream()
                    .map(S3Object::key)
                    .toList();
        }
        catch (SdkException e) {
            throw failure(step, prefix, e);
        }
    }

    @Override
    public synchronized void close()
    {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    private Written conditionalPut(String key, byte[] content, String step, Consumer<PutObjectRequest.Builder> condition)
    {
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(options.bucket()).key(key).contentType("application/json");
        condition.accept(request);
        try {
            PutObjectResponse response = client().putObject(request.build(), RequestBody.fromBytes(content));
            return new Written(Optional.of(response.eTag()));
        }
        catch (S3Exception e) {
            // 409: another conditional write to the same key was in flight (S3 answers one of them so).
            // 404 on If-Match: the object to replace is gone, which is the condition failing too.
            if (e.statusCode() == PRECONDITION_FAILED || e.statusCode() == CONFLICT || (e.statusCode() == NOT_FOUND && !"NoSuchBucket".equals(errorCode(e)))) {
                return new Written(Optional.empty());
            }
            throw failure(step, key, e);
        }
        catch (SdkClientException e) {
            // Some servers answer a PUT into a missing bucket before reading its body and close the connection.
            throw bucketMissing() ? missingBucket(step, key, e) : failure(step, key, e);
        }
        catch (SdkException e) {
            throw failure(step, key, e);
        }
    }

    private boolean bucketMissing()
    {
        try {
            client().headBucket(request -> request.bucket(options.bucket()));
            return false;
        }
        catch (S3Exception e) {
            return e.statusCode() == NOT_FOUND;
        }
        catch (SdkException e) {
            return false;
        }
    }

    private StateException missingBucket(String step, String key, SdkException cause)
    {
        return new StateException(Diagnostic.errorWithoutSource("S3 state backend error",
                "%s failed for %s: the bucket does not exist. Create it (Kiln does not create state buckets), or fix bucket in the kiln { state \"s3\" } block."
                        .formatted(capitalized(step), where(key))), cause);
    }

    private String where(String key)
    {
        return "s3://" + options.bucket() + "/" + key + options.endpoint().map(uri -> " at " + uri).orElse("");
    }

    private PutObjectRequest.Builder encrypted(PutObjectRequest.Builder request)
    {
        options.serverSideEncryption().ifPresent(request::serverSideEncryption);
        options.kmsKeyId().ifPresent(request::ssekmsKeyId);
        return request;
    }

    private synchronized S3Client client()
    {
        if (client == null) {
            S3ClientBuilder builder = S3Client.builder()
                    .region(Region.of(options.region()))
                    .forcePathStyle(options.pathStyle())
                    .httpClientBuilder(UrlConnectionHttpClient.builder()
                            .connectionTimeout(Duration.ofSeconds(5))
                            .socketTimeout(Duration.ofSeconds(60)));
            options.endpoint().ifPresent(builder::endpointOverride);
            if (options.accessKey().isPresent()) {
                builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(options.accessKey().get(), options.secretKey().orElseThrow())));
            }
            else {
                builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
            }
            client = builder.build();
        }
        return client;
    }

    private StateException failure(String step, String key, SdkException cause)
    {
        String where = where(key);
        if (cause instanceof S3Exception s3) {
            String code = errorCode(s3);
            String hint = switch (code) {
                case "NoSuchBucket" -> " The bucket does not exist: create it (Kiln does not create state buckets), or fix bucket in the kiln { state \"s3\" } block.";
                case "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch" ->
                        " Check the access key and secret key (or the credentials the AWS SDK finds) and that they may read and write this bucket.";
                case "NotImplemented" -> options.serverSideEncryption().isPresent()
                        ? " The server does not implement this request; it may not support server-side encryption (sse in the kiln { state \"s3\" } block)."
                        : " The server does not implement this request.";
                default -> "";
            };
            return new StateException(Diagnostic.errorWithoutSource("S3 state backend error",
                    "%s failed for %s: HTTP %d %s.%s".formatted(capitalized(step), where, s3.statusCode(), code.isEmpty() ? "" : "(" + code + ")", hint)), cause);
        }
        if (cause instanceof SdkClientException) {
            return new StateException(Diagnostic.errorWithoutSource("S3 state backend unreachable",
                    "%s failed for %s: %s".formatted(capitalized(step), where, firstLine(cause.getMessage()))), cause);
        }
        return new StateException(Diagnostic.errorWithoutSource("S3 state backend error",
                "%s failed for %s: %s".formatted(capitalized(step), where, firstLine(cause.getMessage()))), cause);
    }

    private static String errorCode(S3Exception exception)
    {
        return exception.awsErrorDetails() == null || exception.awsErrorDetails().errorCode() == null ? "" : exception.awsErrorDetails().errorCode();
    }

    private static Optional<Instant> httpDate(String text)
    {
        try {
            return Optional.of(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        }
        catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String capitalized(String step)
    {
        return Character.toUpperCase(step.charAt(0)) + step.substring(1);
    }

    private static String firstLine(String message)
    {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
