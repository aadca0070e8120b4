package dev.kiln.state.blob;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Blobs as objects in an S3 or S3-compatible bucket (created when missing), under the
 * settings' key prefix. A put streams: a blob smaller than one part goes in a single
 * request, a larger one as a multipart upload whose parts (of the settings' bounded size)
 * are read, hashed and sent one after another, a failed upload aborted. Nothing is copied
 * to disk, and memory holds at most {@link MultipartUpload#PARTS_IN_MEMORY} parts. A stream that
 * knows its length ({@link KnownLength}, up to 5 GiB) goes in one PUT read as it is sent.
 */
public final class S3BlobStore
        implements BlobStore
{
    private static final int NOT_FOUND = 404;

    private final S3Client client;
    private final S3BlobSettings settings;

    private S3BlobStore(S3Client client, S3BlobSettings settings)
    {
        this.client = client;
        this.settings = settings;
    }

    /** Connects to the store and creates its bucket when it does not exist. */
    public static S3BlobStore open(S3BlobSettings settings)
            throws IOException
    {
        S3BlobStore store = connect(settings);
        try {
            store.ensureBucket();
        }
        catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    /**
     * Connects to the store without creating anything, for looking only: a missing bucket
     * lists no blobs. Nothing is sent until the first request.
     */
    public static S3BlobStore connect(S3BlobSettings settings)
    {
        requireNonNull(settings, "settings is null");
        var builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .credentialsProvider(credentials(settings))
                .forcePathStyle(settings.pathStyle());
        settings.endpoint().ifPresent(builder::endpointOverride);
        return new S3BlobStore(builder.build(), settings);
    }

    @Override
    public StoredBlob put(String key, InputStream content)
            throws IOException
    {
        requireNonNull(content, "content is null");
        String objectKey = objectKey(key);
        try {
            return new MultipartUpload(client, settings.bucket(), objectKey, settings.partSize()).upload(key, content);
        }
        catch (SdkException e) {
            throw failure("upload " + key, e);
        }
    }

    @Override
    public InputStream get(String key)
            throws IOException
    {
        try {
            return client.getObject(request -> request.bucket(settings.bucket()).key(objectKey(key)));
        }
        catch (NoSuchKeyException e) {
            throw new NoSuchBlobException(location(), key);
        }
        catch (SdkException e) {
            throw failure("download " + key, e);
        }
    }

    @Override
    public List<BlobInfo> list(String prefix)
            throws IOException
    {
        BlobKeys.checkPrefix(prefix);
        try {
            return client.listObjectsV2Paginator(request -> request.bucket(settings.bucket()).prefix(settings.prefix() + prefix))
                    .contents().stream()
                    .map(this::info)
                    .sorted((left, right) -> left.key().compareTo(right.key()))
                    .toList();
        }
        catch (NoSuchBucketException e) {
            return List.of();
        }
        catch (SdkException e) {
            throw failure("list " + prefix, e);
        }
    }

    @Override
    public boolean delete(String key)
            throws IOException
    {
        if (!exists(key)) {
            return false;
        }
        try {
            client.deleteObject(request -> request.bucket(settings.bucket()).key(objectKey(key)));
            return true;
        }
        catch (SdkException e) {
            throw failure("delete " + key, e);
        }
    }

    @Override
    public boolean exists(String key)
            throws IOException
    {
        try {
            client.headObject(request -> request.bucket(settings.bucket()).key(objectKey(key)));
            return true;
        }
        catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                return false;
            }
            throw failure("look up " + key, e);
        }
        catch (SdkException e) {
            throw failure("look up " + key, e);
        }
    }

    @Override
    public String location()
    {
        return settings.location();
    }

    @Override
    public void close()
    {
        client.close();
    }

    private void ensureBucket()
            throws IOException
    {
        try {
            client.headBucket(request -> request.bucket(settings.bucket()));
            return;
        }
        catch (S3Exception e) {
            if (e.statusCode() != NOT_FOUND) {
                throw failure("reach the bucket", e);
            }
        }
        catch (SdkException e) {
            throw failure("reach the bucket", e);
        }
        try {
            CreateBucketRequest.Builder request = CreateBucketRequest.builder().bucket(settings.bucket());
            if (!settings.region().equals(Region.US_EAST_1.id()) && settings.endpoint().isEmpty()) {
                request.createBucketConfiguration(CreateBucketConfiguration.builder()
                        .locationConstraint(BucketLocationConstraint.fromValue(settings.region())).build());
            }
            client.createBucket(request.build());
        }
        catch (SdkException e) {
            throw failure("create the bucket", e);
        }
    }

    private BlobInfo info(S3Object object)
    {
        return new BlobInfo(object.key().substring(settings.prefix().length()), object.size());
    }

    private String objectKey(String key)
    {
        return settings.prefix() + BlobKeys.check(key);
    }

    private IOException failure(String action, SdkException cause)
    {
        return new IOException("could not " + action + " in " + location() + ": " + cause.getMessage(), cause);
    }

    private static AwsCredentialsProvider credentials(S3BlobSettings settings)
    {
        if (settings.accessKey().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey().get(), settings.secretKey().orElseThrow()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
