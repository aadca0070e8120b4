package dev.kiln.bench;

import org.gaul.s3proxy.junit.S3ProxyJunitCore;

/**
 * S3Proxy (filesystem storage in a temporary directory) on 127.0.0.1 and a free port, for
 * bench/run-backup.sh: prints its URL, then serves until the process is stopped.
 */
public final class S3ProxyServer
{
    private S3ProxyServer() {}

    public static void main(String[] arguments)
            throws Exception
    {
        S3ProxyJunitCore server = new S3ProxyJunitCore.Builder().withCredentials(BackupBenchmark.ACCESS_KEY, BackupBenchmark.SECRET_KEY).build();
        server.beforeEach();
        Runtime.getRuntime().addShutdownHook(new Thread(server::afterEach));
        System.out.println(server.getUri());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
