package dev.kiln.providers.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
 * save} writes, integrity hash included) never touches a disk on the way.
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
    {
        private final BufferedReader lines;
        private byte[] chunk = new byte[0];
        private int position;
        private boolean ended;

        ChunkStream(BufferedReader lines)
        {
            this.lines = lines;
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
                if (ended || !next()) {
                    ended = true;
                    return -1;
                }
            }
            int count = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, buffer, offset, count);
            position += count;
            return count;
        }

        private boolean next()
                throws IOException
        {
            String line = lines.readLine();
            while (line != null && line.isBlank()) {
                line = lines.readLine();
            }
            if (line == null) {
                return false;
            }
            JsonNode message = MAPPER.readTree(line);
            if (message.has("error")) {
                throw new IOException("etcd at " + endpoint + " failed the snapshot: " + message.path("error").path("message").asText(message.toString()));
            }
            chunk = Base64.getDecoder().decode(message.path("result").path("blob").asText(""));
            position = 0;
            return true;
        }

        @Override
        public void close()
                throws IOException
        {
            lines.close();
        }
    }
}
