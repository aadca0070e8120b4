package dev.kiln.executors.ssh;

import net.schmizz.sshj.Config;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.transport.cipher.Cipher;

import javax.net.SocketFactory;

import java.io.IOException;
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
 * uploads CPU-bound. The AES-GCM and AES-CTR ciphers are offered first for the same reason
 * (ChaCha20 has no JDK fast path in sshj). Sockets have {@code TCP_NODELAY}, so small
 * request/response exchanges are not held back by Nagle's algorithm.
 */
final class SshClients
{
    private static final List<String> PREFERRED_CIPHERS = List.of("aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "aes128-ctr", "aes192-ctr", "aes256-ctr");

    static final Config CONFIG = createConfig();
    static final SocketFactory NO_DELAY_SOCKETS = new NoDelaySocketFactory();

    private SshClients() {}

    private static Config createConfig()
    {
        SecurityUtils.setRegisterBouncyCastle(false);
        SecurityUtils.setSecurityProvider(null);
        DefaultConfig config = new DefaultConfig();
        List<Factory.Named<Cipher>> ciphers = new ArrayList<>(config.getCipherFactories());
        ciphers.sort(Comparator.comparingInt(cipher -> rank(cipher.getName())));
        config.setCipherFactories(ciphers);
        return config;
    }

    private static int rank(String cipher)
    {
        int index = PREFERRED_CIPHERS.indexOf(cipher);
        return index < 0 ? PREFERRED_CIPHERS.size() : index;
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
