package dev.kiln.providers.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.state.blob.KnownLength;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static java.util.Objects.requireNonNull;

/**
 * An etcd member Kiln reaches directly over plain HTTP (an etcd on the machine running Kiln
 * or on a trusted network), through etcd's JSON gateway: {@code /v3/maintenance/status} for
 * its version and revision, and {@code /v3/maintenance/snapshot}, whose stream of base64
 * chunks is decoded as it arrives — the snapshot (the same bytes {@code etcdctl snapshot
 * save} writes, integrity hash included) never touches a disk on the way. Its first message
 * announces the length, so an S3 point takes it as one streamed PUT.
 */
public final class EtcdGateway
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI endpoint;
    private final HttpClient client;

    public EtcdGateway(URI endpoint)
    {
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        if (!"http".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("the etcd gateway is reached over plain http here: " + endpoint);
        }
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public EtcdStatus status()
            throws IOException
    {
        try (InputStream body = post("/v3/maintenance/status")) {
            JsonNode status = MAPPER.readTree(body);
            if (!status.path("version").isTextual()) {
                throw new IOException("etcd at " + endpoint + " answered its status without a version: " + status);
            }
            return new EtcdStatus(status.path("version").asText(), status.path("header").path("revision").asLong());
        }
    }

    /** Streams a snapshot to {@code reader}, decoding it chunk by chunk. */
    public <T> T snapshot(StreamReader<T> reader)
            throws IOException
    {
        try (InputStream body = post("/v3/maintenance/snapshot");
                InputStream snapshot = new ChunkStream(new BufferedReader(new InputStreamReader(body, StandardCharsets.US_ASCII), 1 << 16))) {
            return reader.read(snapshot);
        }
    }

    private InputStream post(String path)
            throws IOException
    {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(path)).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                String detail = new String(response.body().readNBytes(500), StandardCharsets.UTF_8);
                response.body().close();
                throw new IOException("etcd at " + endpoint + " answered " + path + " with HTTP " + response.statusCode() + ": " + detail);
            }
            return response.body();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reaching etcd at " + endpoint);
        }
    }

    /** The snapshot bytes of the gateway's newline-separated {@code {"result":{"blob":"BASE64"}}} messages. */
    private final class ChunkStream
            extends InputStream
            implements KnownLength
    {
        /** etcd ends a snapshot with a message holding the SHA-256 of what came before. */
        private static final int HASH_LENGTH = 32;

        private final BufferedReader lines;
        private final long length;
        private byte[] chunk = new byte[0];
        private int position;
        private boolean ended;

        /** Reads the first message, whose remaining byte count announces the snapshot's length. */
        ChunkStream(BufferedReader lines)
                throws IOException
        {
            this.lines = lines;
            long remaining = next();
            this.length = remaining < 0 ? 0 : chunk.length + remaining + HASH_LENGTH;
            this.ended = remaining < 0;
        }

        @Override
        public long length()
        {
            return length;
        }

        @Override
        public int read()
                throws IOException
        {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length)
                throws IOException
        {
            while (position == chunk.length) {
                if (ended || next() < 0) {
                    ended = true;
                    return -1;
                }
            }
            int count = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, buffer, offset, count);
            position += count;
            return count;
        }

        /** Reads the next message into {@code chunk}: the bytes still to come after it, -1 at the end of the stream. */
        private long next()
                throws IOException
        {
            String line = lines.readLine();
            while (line != null && line.isBlank()) {
                line = lines.readLine();
            }
            if (line == null) {
                return -1;
            }
            JsonNode message = MAPPER.readTree(line);
            if (message.has("error")) {
                throw new IOException("etcd at " + endpoint + " failed the snapshot: " + message.path("error").path("message").asText(message.toString()));
            }
            chunk = Base64.getDecoder().decode(message.path("result").path("blob").asText(""));
            position = 0;
            return message.path("result").path("remaining_bytes").asLong(0);
        }

        @Override
        public void close()
                throws IOException
        {
            lines.close();
        }
    }
}
