package dev.kiln.executors.ssh;

import com.sun.management.HotSpotDiagnosticMXBean;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.transport.cipher.Cipher;

import javax.net.SocketFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The sshj configuration every connection shares (built once: building one costs tens of
 * milliseconds). Crypto comes from the JDK's own providers, not Bouncy Castle, which sshj would
 * otherwise register and use for everything: the JDK runs AES on the CPU's AES instructions
 * (~0.3 s per 100 MB with GCM here), Bouncy Castle in plain Java (~3-6 s), which made large
 * uploads CPU-bound. AES ciphers are offered first for the same reason (ChaCha20 has no JDK
 * fast path in sshj), in the order that is fastest under the JVM's JIT: with the C2 compiler
 * AES-GCM (0.06 s per 100 MB, against 0.16 s for AES-CTR with HMAC-SHA2-512); when the JVM runs
 * C1 only ({@code -XX:TieredStopAtLevel=1}, as the {@code kiln} launcher does for start-up
 * time), whose code has no GCM intrinsics, AES-CTR with encrypt-then-MAC HMAC-SHA2-512 (1.0 s
 * against 1.8 s for GCM). Sockets have {@code TCP_NODELAY}, so small request/response exchanges
 * are not held back by Nagle's algorithm.
 */
final class SshClients
{
    private static final List<String> GCM_FIRST = List.of("aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "aes128-ctr", "aes192-ctr", "aes256-ctr");
    private static final List<String> CTR_FIRST = List.of("aes128-ctr", "aes192-ctr", "aes256-ctr", "aes128-gcm@openssh.com", "aes256-gcm@openssh.com");
    private static final List<String> PREFERRED_MACS = List.of("hmac-sha2-512-etm@openssh.com", "hmac-sha2-256-etm@openssh.com", "hmac-sha2-512", "hmac-sha2-256");

    private static final int FULL_OPTIMIZATION = 4;

    static final Config CONFIG = createConfig();
    static final SocketFactory NO_DELAY_SOCKETS = new NoDelaySocketFactory();

    private SshClients() {}

    private static Config createConfig()
    {
        SecurityUtils.setRegisterBouncyCastle(false);
        SecurityUtils.setSecurityProvider(null);
        DefaultConfig config = new DefaultConfig();
        config.setCipherFactories(preferred(config.getCipherFactories(), onlyC1() ? CTR_FIRST : GCM_FIRST));
        config.setMACFactories(preferred(config.getMACFactories(), PREFERRED_MACS));
        return config;
    }

    /** {@code factories} with the {@code preferred} names first, in that order; the rest keep theirs. */
    private static <T> List<Factory.Named<T>> preferred(List<Factory.Named<T>> factories, List<String> preferred)
    {
        List<Factory.Named<T>> sorted = new ArrayList<>(factories);
        sorted.sort(Comparator.comparingInt(factory -> preferred.contains(factory.getName()) ? preferred.indexOf(factory.getName()) : preferred.size()));
        return sorted;
    }

    /** Whether the JVM compiles with C1 only ({@code -XX:TieredStopAtLevel} below 4). */
    static boolean onlyC1()
    {
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotSpot != null && Integer.parseInt(hotSpot.getVMOption("TieredStopAtLevel").getValue()) < FULL_OPTIMIZATION;
        }
        catch (IllegalArgumentException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static final class NoDelaySocketFactory
            extends SocketFactory
    {
        @Override
        public Socket createSocket()
                throws IOException
        {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port)
                throws IOException
        {
            Socket socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localAddress, int localPort)
                throws IOException
        {
            Socket socket = new Socket(host, port, localAddress, localPort);
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket(InetAddress address, int port)
                throws IOException
        {
            Socket socket = new Socket(address, port);
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException
        {
            Socket socket = new Socket(address, port, localAddress, localPort);
            socket.setTcpNoDelay(true);
            return socket;
        }
    }
}
