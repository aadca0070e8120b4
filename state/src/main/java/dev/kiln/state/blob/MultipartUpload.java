package dev.kiln.state.blob;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One streamed upload of one object. The first part decides: content that fits in one part
 * is a single PUT; longer content becomes a multipart upload, where the next part is read
 * and hashed while up to {@link #PARTS_IN_FLIGHT} earlier ones are sent, so memory holds at
 * most {@link #PARTS_IN_MEMORY} parts and nothing goes to disk. A failure aborts the upload,
 * leaving no parts behind.
 */
final class MultipartUpload
{
    static final int PARTS_IN_FLIGHT = 2;
    static final int PARTS_IN_MEMORY = PARTS_IN_FLIGHT + 1;

    private final S3Client client;
    private final String bucket;
    private final String objectKey;
    private final int partSize;

    MultipartUpload(S3Client client, String bucket, String objectKey, int partSize)
    {
        this.client = client;
        this.bucket = bucket;
        this.objectKey = objectKey;
        this.partSize = partSize;
    }

    /** Content this size or smaller, whose length is known, goes in one streamed PUT (S3 allows 5 GiB). */
    static final long SINGLE_PUT_LIMIT = 5L << 30;

    StoredBlob upload(String key, InputStream content)
            throws IOException
    {
        if (content instanceof KnownLength known && known.length() <= SINGLE_PUT_LIMIT) {
            return streamed(key, content, known.length());
        }
        Sha256 digest = new Sha256();
        byte[] first = new byte[partSize];
        int length = content.readNBytes(first, 0, partSize);
        digest.update(first, 0, length);
        if (length < partSize) {
            client.putObject(request -> request.bucket(bucket).key(objectKey), RequestBody.fromBytes(Arrays.copyOf(first, length)));
            return new StoredBlob(key, length, digest.hex());
        }
        String uploadId = client.createMultipartUpload(request -> request.bucket(bucket).key(objectKey)).uploadId();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            long size = sendAll(uploadId, first, content, digest, senders);
            return new StoredBlob(key, size, digest.hex());
        }
        catch (IOException | RuntimeException e) {
            abort(uploadId, e);
            throw e;
        }
    }

    /**
     * One PUT whose body is read from {@code content} as it is sent, hashed on the way. The body
     * cannot be replayed, so a failed request fails the put rather than being retried.
     */
    private StoredBlob streamed(String key, InputStream content, long length)
            throws IOException
    {
        Sha256 digest = new Sha256();
        long[] counted = new long[1];
        InputStream hashing = new FilterInputStream(content)
        {
            @Override
            public int read(byte[] buffer, int offset, int count)
                    throws IOException
            {
                int read = super.read(buffer, offset, count);
                if (read > 0) {
                    digest.update(buffer, offset, read);
                    counted[0] += read;
                }
                return read;
            }

            @Override
            public int read()
                    throws IOException
            {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public void close()
            {
                // The caller owns the content stream.
            }
        };
        try {
            client.putObject(request -> request.bucket(bucket).key(objectKey).contentLength(length),
                    RequestBody.fromContentProvider(() -> {
                        // The SDK opens the body when it signs a request, and again when it
                        // retries one (a pooled connection the server had closed fails before
                        // the body is sent: PUT waits for 100-continue). A stream nothing was
                        // read from yet can be handed out again; one that was cannot.
                        if (counted[0] > 0) {
                            throw new IllegalStateException("a streamed upload cannot be sent again");
                        }
                        return hashing;
                    }, length, "application/octet-stream"));
        }
        catch (IllegalStateException e) {
            throw new IOException("the upload of " + key + " failed and a stream cannot be sent twice: " + e.getMessage(), e);
        }
        if (counted[0] != length || content.read() >= 0) {
            client.deleteObject(request -> request.bucket(bucket).key(objectKey));
            throw new IOException("the content of " + key + " did not have the " + length + " bytes it announced; nothing was stored");
        }
        return new StoredBlob(key, length, digest.hex());
    }

    private long sendAll(String uploadId, byte[] first, InputStream content, Sha256 digest, ExecutorService senders)
            throws IOException
    {
        List<Future<CompletedPart>> sent = new ArrayList<>();
        byte[] part = first;
        int length = partSize;
        long size = 0;
        while (length > 0) {
            size += length;
            int number = sent.size() + 1;
            byte[] body = part;
            int bodyLength = length;
            if (sent.size() >= PARTS_IN_FLIGHT) {
                await(sent.get(sent.size() - PARTS_IN_FLIGHT));
            }
            sent.add(senders.submit(() -> send(uploadId, number, body, bodyLength)));
            part = new byte[partSize];
            length = content.readNBytes(part, 0, partSize);
            digest.update(part, 0, length);
        }
        List<CompletedPart> parts = new ArrayList<>();
        for (Future<CompletedPart> future : sent) {
            parts.add(await(future));
        }
        client.completeMultipartUpload(request -> request.bucket(bucket).key(objectKey).uploadId(uploadId)
                .multipartUpload(upload -> upload.parts(parts)));
        return size;
    }

    private CompletedPart send(String uploadId, int number, byte[] body, int length)
    {
        UploadPartResponse response = client.uploadPart(
                request -> request.bucket(bucket).key(objectKey).uploadId(uploadId).partNumber(number).contentLength((long) length),
                RequestBody.fromByteBuffer(ByteBuffer.wrap(body, 0, length)));
        return CompletedPart.builder().partNumber(number).eTag(response.eTag())
                .checksumCRC32(response.checksumCRC32())
                .checksumCRC32C(response.checksumCRC32C())
                .checksumSHA1(response.checksumSHA1())
                .checksumSHA256(response.checksumSHA256())
                .build();
    }

    private static CompletedPart await(Future<CompletedPart> future)
            throws IOException
    {
        try {
            return future.get();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while uploading");
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }

    private void abort(String uploadId, Exception cause)
    {
        try {
            client.abortMultipartUpload(request -> request.bucket(bucket).key(objectKey).uploadId(uploadId));
        }
        catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
